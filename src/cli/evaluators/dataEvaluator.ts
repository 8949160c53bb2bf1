import { DATA_LEAK_MODEL_FIELDS, DATA_LEAK_MODELS, dataLeak, type DataLeakField, type DataLeakModel } from '../../bounds/dataLeak.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { UsageError } from '../_internal/errors.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';

/** The flags of `qsdl leak data`, also the CSV columns of its batch mode. @internal */
export const DATA_OPTIONS: readonly NumericOption[] = [
  numericOption('gain', 'G', { min: 1, max: Infinity }, 'client amplifier gain G (required)'),
  numericOption('inputs', 'N', { min: 1, max: 1e9, integer: true }, 'inputs per row N (default 784)'),
  numericOption('active-fraction', 'f', { min: 0, max: 1, openMin: true }, 'fraction f of non-zero inputs; samples n = f·N; not for the holevo-* bounds (default 0.5)'),
  numericOption('rows', 'M', { min: 0, max: 1e10, openMin: true }, 'rows M that carry the same data: paper-2025 any number > 0 (default N + 10); qfi, counting, holevo-* an integer (default N)'),
  numericOption('x', 'x', { min: -1, max: 1 }, 'normalised data value x̂_j, Cramér–Rao models only (default 1/√n)'),
  numericOption('efficiency', 'η', { min: 0, max: 1, openMin: true }, 'detector efficiency η of the counting server (dimensionless); counting model only (default 1)'),
  numericOption('dark-counts', 'd', { min: 0, max: Infinity }, 'mean dark counts d per mode per row (counts, Poisson); counting model only (default 0)'),
  numericOption('technical-photons', 't', { min: 0, max: 100 }, 'technical-noise photons t per row along x̂ (noise that follows the data raises k to k + t); holevo-* bounds only (default 0)'),
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
  technicalPhotons: 'technical-photons',
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
  if (v.gain === undefined) throw new UsageError('gain is required (client amplifier gain G ≥ 1, as --gain or a column)');
  for (const field of ['x', 'rows', 'efficiency', 'darkCounts', 'activeFraction', 'technicalPhotons'] as const) {
    const flag = DATA_FIELD_FLAGS[field];
    if (v[flag] === undefined || DATA_LEAK_MODEL_FIELDS[model].includes(field)) continue;
    if (field === 'x') throw new UsageError('x applies to the Cramér–Rao models (paper-2024, corrected) only');
    throw new UsageError(`${flag} applies to ${modelsTaking(field)} only; model is ${model}`);
  }
  const bits = dataLeak({
    gain: v.gain, inputs: v.inputs, activeFraction: v['active-fraction'], rows: v.rows, x: v.x, efficiency: v.efficiency, darkCounts: v['dark-counts'], technicalPhotons: v['technical-photons'], model,
  });
  // Backstop: the validated domain gives finite results (tested); anything else is a bug, not bad input.
  if (!Number.isFinite(bits)) throw new Error(`data leakage is not finite (${bits}) at G = ${v.gain}`);
  return bits;
}
