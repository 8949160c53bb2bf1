import { dataLeak, type DataLeakModel } from '../../bounds/dataLeak.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { CliError } from '../_internal/cliError.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';

/** The flags of `qsdl leak data`, also the CSV columns of its batch mode. @internal */
export const DATA_OPTIONS: readonly NumericOption[] = [
  numericOption('gain', 'G', 'in [1, ∞)', 'client amplifier gain G ≥ 1 (required)'),
  numericOption('inputs', 'N', 'in {1, 2, …}', 'inputs per row N, a positive integer (default 784)'),
  numericOption('active-fraction', 'f', 'in (0, 1]', 'fraction f of non-zero inputs, in (0, 1]; samples n = f·N (default 0.5)'),
  numericOption('rows', 'M', 'in (0, ∞)', 'rows M the data passes through, paper-2025 model only (default N + 10)'),
  numericOption('x', 'x', 'in [-1, 1]', 'normalised data value x̂_j in [−1, 1], Cramér–Rao models only (default 1/√n)'),
];

/** The default data model: the homodyne Cramér–Rao figure with the Fisher information of a Gaussian variance. @internal */
export const DEFAULT_DATA_MODEL: DataLeakModel = 'corrected';

/** Evaluate a data-leakage model for option values, in bits per data symbol; validates. @internal */
export function evaluateData(v: NumericValues, model: DataLeakModel): number {
  if (v.gain === undefined) throw new CliError('gain is required (client amplifier gain G ≥ 1, as --gain or a column)');
  if (model !== 'paper-2025' && v.rows !== undefined) throw new CliError(`rows applies to the paper-2025 model only; model is ${model}`);
  if (model === 'paper-2025' && v.x !== undefined) throw new CliError('x applies to the Cramér–Rao models (paper-2024, corrected) only');
  const bits = dataLeak({ gain: v.gain, inputs: v.inputs, activeFraction: v['active-fraction'], rows: v.rows, x: v.x, model });
  // Backstop: the validated domain gives finite results (tested); anything else is a bug, not bad input.
  if (!Number.isFinite(bits)) throw new Error(`data leakage is not finite (${bits}) at G = ${v.gain}`);
  return bits;
}
