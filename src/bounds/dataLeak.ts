import { describeValue, inLeftOpen, integerAtLeast, oneOf, positive } from '../_internal/validate.js';
import { cramerRaoDataLeak } from './cramerRaoDataLeak.js';
import { revisedDataLeak } from './revisedDataLeak.js';

/**
 * Data-leakage models available today (SPEC §4.1), all in bits per data symbol:
 * - `paper-2024`: homodyne Cramér–Rao as published (σ⁸ in the Fisher information);
 * - `corrected`: the same with σ⁴, the Fisher information of a Gaussian variance;
 * - `paper-2025`: the authors' revised formula ½·log2(1 + 4(M/n)(G−1)²/(G(3G−2))).
 * None of these bounds what an optimal server can learn (SPEC §4.2).
 * @public
 */
export type DataLeakModel = 'paper-2024' | 'corrected' | 'paper-2025';

/** The {@link DataLeakModel} names, in the order the CLI lists them. @public */
export const DATA_LEAK_MODELS: readonly DataLeakModel[] = ['paper-2024', 'corrected', 'paper-2025'];

/** Operating point of a data-leakage model. @public */
export interface DataLeakInput {
  /** Client amplifier gain G ≥ 1. */
  readonly gain: number;
  /** Number of inputs (modes per row) N, a positive integer. @defaultValue 784 */
  readonly inputs?: number | undefined;
  /** Fraction f of non-zero inputs, in (0, 1]; the effective sample count is n = f·N. @defaultValue 0.5 */
  readonly activeFraction?: number | undefined;
  /** Rows M (paper-2025 only). @defaultValue N + 10 (Maps.m: 784 + 10, the rows of the 784-784-10 network) */
  readonly rows?: number | undefined;
  /** Normalised data value x̂_j in [−1, 1] (Cramér–Rao models only). @defaultValue 1/√n */
  readonly x?: number | undefined;
  /** Model name. @defaultValue 'corrected' (the σ⁴ Fisher information of a Gaussian variance) */
  readonly model?: DataLeakModel | undefined;
}

/**
 * Data leakage in bits per data symbol under one of the published models
 * ({@link DataLeakModel}), at gain G with n = f·N samples per data symbol.
 *
 * @param input - gain, inputs, active fraction, rows, x, model
 * @returns bits per data symbol (≥ 0)
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example dataLeak({ gain: 2 })                          // returns ≈ 0.0072864 (corrected, N = 784)
 * @example dataLeak({ gain: 2, model: 'paper-2024' })     // returns ≈ 0.0072495 (σ⁸, as published)
 * @example dataLeak({ gain: 1 })                          // returns 0 (no amplifier, no added noise)
 * @example dataLeak({ gain: 2, model: 'paper-2025' })     // returns ≈ 0.50459 (M = 794, n = 392)
 * @public
 */
export function dataLeak(input: DataLeakInput): number {
  const model = oneOf('data-leakage model', input.model ?? 'corrected', DATA_LEAK_MODELS);
  const inputs = integerAtLeast('inputs N', input.inputs ?? 784, 1);
  const f = inLeftOpen('active fraction f', input.activeFraction ?? 0.5, 0, 1);
  const n = f * inputs;
  if (model === 'paper-2025' && input.x !== undefined) throw new TypeError(`x applies to the Cramér–Rao models (paper-2024, corrected) only; model is paper-2025, received x = ${describeValue(input.x)}`);
  if (model !== 'paper-2025' && input.rows !== undefined) throw new TypeError(`rows M applies to the paper-2025 model only; model is ${model}, received rows = ${describeValue(input.rows)}`);
  if (model === 'paper-2025') {
    const rows = input.rows === undefined ? inputs + 10 : positive('rows M', input.rows);
    return revisedDataLeak(input.gain, rows, n);
  }
  return cramerRaoDataLeak(input.gain, n, input.x, model);
}
