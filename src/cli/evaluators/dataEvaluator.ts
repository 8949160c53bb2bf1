import { DATA_LEAK_MODEL_FIELDS, DATA_LEAK_MODELS, dataLeak, type DataLeakField, type DataLeakModel } from '../../bounds/dataLeak.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { CliError } from '../_internal/cliError.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';

/** The flags of `qsdl leak data`, also the CSV columns of its batch mode. @internal */
export const DATA_OPTIONS: readonly NumericOption[] = [
  numericOption('gain', 'G', 'in [1, ∞)', 'client amplifier gain G ≥ 1 (required)'),
  numericOption('inputs', 'N', 'in {1, 2, …}', 'inputs per row N, a positive integer (default 784)'),
  numericOption('active-fraction', 'f', 'in (0, 1]', 'fraction f of non-zero inputs, in (0, 1]; samples n = f·N; not for the holevo-* bounds (default 0.5)'),
  numericOption('rows', 'M', 'in (0, ∞)', 'rows M that carry the same data: paper-2025 a number > 0 (default N + 10); qfi, counting, holevo-* an integer in [1, 1e10] (default N)'),
  numericOption('x', 'x', 'in [-1, 1]', 'normalised data value x̂_j in [−1, 1], Cramér–Rao models only (default 1/√n)'),
  numericOption('efficiency', 'η', 'in (0, 1]', 'detector efficiency η of the counting server, in (0, 1] (dimensionless); counting model only (default 1)'),
  numericOption('dark-counts', 'd', 'in [0, ∞)', 'mean dark counts d ≥ 0 per mode per row (counts, Poisson); counting model only (default 0)'),
];

/** The default data model: the homodyne Cramér–Rao figure with the Fisher information of a Gaussian variance. @internal */
export const DEFAULT_DATA_MODEL: DataLeakModel = 'corrected';

/** What each model's number is, for the table beside it. @internal */
export const DATA_MODEL_KIND: Readonly<Record<DataLeakModel, string>> = {
  'paper-2024': 'homodyne model, as published (not a bound)',
  corrected: 'homodyne model, σ⁴ Fisher information (not a bound)',
  'paper-2025': 'homodyne model, 2025 revision (not a bound)',
  qfi: 'quantum Fisher information, local estimate (not a bound)',
  counting: 'displace-and-count attack (achieved)',
  'holevo-subadditive': 'Holevo upper bound (subadditivity)',
  'holevo-symmetric': 'Holevo upper bound (photon-number blocks)',
};

/** The flag (and CSV column) that fills each optional library field. @internal */
export const DATA_FIELD_FLAGS: Readonly<Record<DataLeakField, string>> = {
  activeFraction: 'active-fraction',
  rows: 'rows',
  x: 'x',
  efficiency: 'efficiency',
  darkCounts: 'dark-counts',
};

/** "paper-2025" / "paper-2025, qfi and counting": the models that take a field. */
function modelsTaking(field: DataLeakField): string {
  const names = DATA_LEAK_MODELS.filter((m) => DATA_LEAK_MODEL_FIELDS[m].includes(field));
  return names.length === 1 ? `the ${names[0] as string} model` : `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string} models`;
}

/** The option values a model takes: the others set to undefined (so that defaults apply). @internal */
export function valuesFor(v: NumericValues, model: DataLeakModel): NumericValues {
  const out: Record<string, number | undefined> = { ...v };
  for (const [field, flag] of Object.entries(DATA_FIELD_FLAGS) as [DataLeakField, string][]) {
    if (!DATA_LEAK_MODEL_FIELDS[model].includes(field)) out[flag] = undefined;
  }
  return out;
}

/** Evaluate a data-leakage model for option values, in bits per data symbol; validates. @internal */
export function evaluateData(v: NumericValues, model: DataLeakModel): number {
  if (v.gain === undefined) throw new CliError('gain is required (client amplifier gain G ≥ 1, as --gain or a column)');
  for (const field of ['x', 'rows', 'efficiency', 'darkCounts', 'activeFraction'] as const) {
    const flag = DATA_FIELD_FLAGS[field];
    if (v[flag] === undefined || DATA_LEAK_MODEL_FIELDS[model].includes(field)) continue;
    if (field === 'x') throw new CliError('x applies to the Cramér–Rao models (paper-2024, corrected) only');
    throw new CliError(`${flag} applies to ${modelsTaking(field)} only; model is ${model}`);
  }
  const bits = dataLeak({
    gain: v.gain, inputs: v.inputs, activeFraction: v['active-fraction'], rows: v.rows, x: v.x, efficiency: v.efficiency, darkCounts: v['dark-counts'], model,
  });
  // Backstop: the validated domain gives finite results (tested); anything else is a bug, not bad input.
  if (!Number.isFinite(bits)) throw new Error(`data leakage is not finite (${bits}) at G = ${v.gain}`);
  return bits;
}
