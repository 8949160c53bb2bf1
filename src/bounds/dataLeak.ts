import { describeValue, inLeftOpen, integerAtLeast, oneOf, positive } from '../_internal/validate.js';
import { countingDataLeak } from './countingDataLeak.js';
import { cramerRaoDataLeak } from './cramerRaoDataLeak.js';
import { holevoSubadditiveDataLeak } from './holevoSubadditiveDataLeak.js';
import { holevoSymmetricDataLeak } from './holevoSymmetricDataLeak.js';
import { qfiDataLeak } from './qfiDataLeak.js';
import { revisedDataLeak } from './revisedDataLeak.js';
import { InputTypeError } from '../inputError.js';

/**
 * Data-leakage models, all in bits per data symbol for one layer. Published (docs/model.md#homodyne-models),
 * models of a homodyning server, none an upper bound:
 * - `paper-2024`: homodyne Cramér–Rao as published (σ⁸ in the Fisher information);
 * - `corrected`: the same with σ⁴, the Fisher information of a Gaussian variance;
 * - `paper-2025`: the authors' revised formula ½·log2(1 + 4(M/n)(G−1)²/(G(3G−2))).
 *
 * What a server can really do (docs/model.md#server-capabilities), with k = (G − 1)/G photons per row:
 * - `qfi`: the quantum Fisher information 4k/(1 + kx²) as Gaussian-estimate bits over the M
 *   rows — a local-estimation figure, not a bound ({@link qfiDataLeak});
 * - `counting`: displace-and-count, achieved by a photon-counting server, with detector
 *   efficiency and dark counts ({@link countingDataLeak});
 * - `holevo-subadditive`: the Holevo upper bound (M/N)·[N·h(k/N) − h(k)]
 *   ({@link holevoSubadditiveDataLeak});
 * - `holevo-symmetric`: the tighter Holevo upper bound E_L[log2 C(N + L − 1, L)]/N over the
 *   photon-number blocks ({@link holevoSymmetricDataLeak}).
 * @public
 */
export type DataLeakModel = 'paper-2024' | 'corrected' | 'paper-2025' | 'qfi' | 'counting' | 'holevo-subadditive' | 'holevo-symmetric';

/** The docs/model.md#homodyne-models models (the paper's two figures and qsdl's σ⁴ correction): the ones a paper preset can report. @public */
export type PublishedDataLeakModel = 'paper-2024' | 'corrected' | 'paper-2025';

/** The {@link DataLeakModel} names, in the order the CLI lists them. @public */
export const DATA_LEAK_MODELS: readonly DataLeakModel[] = ['paper-2024', 'corrected', 'paper-2025', 'qfi', 'counting', 'holevo-subadditive', 'holevo-symmetric'];

/** The optional fields of {@link DataLeakInput} that only some models take (`gain` and `inputs` apply to all). @public */
export type DataLeakField = 'activeFraction' | 'rows' | 'x' | 'efficiency' | 'darkCounts' | 'technicalPhotons';

/**
 * Which optional fields each model takes; any other field given is a TypeError. The Holevo
 * bounds hold for every prior on x, so they take no active fraction.
 * @public
 */
export const DATA_LEAK_MODEL_FIELDS: Readonly<Record<DataLeakModel, readonly DataLeakField[]>> = Object.freeze({
  'paper-2024': ['activeFraction', 'x'],
  corrected: ['activeFraction', 'x'],
  'paper-2025': ['activeFraction', 'rows'],
  qfi: ['activeFraction', 'rows'],
  counting: ['activeFraction', 'rows', 'efficiency', 'darkCounts'],
  'holevo-subadditive': ['rows', 'technicalPhotons'],
  'holevo-symmetric': ['rows', 'technicalPhotons'],
});

/** Operating point of a data-leakage model. @public */
export interface DataLeakInput {
  /** Client amplifier gain G ≥ 1. */
  readonly gain: number;
  /** Number of inputs (modes per row) N, a positive integer. @defaultValue 784 */
  readonly inputs?: number | undefined;
  /**
   * Fraction f of non-zero inputs, in (0, 1]; the effective sample count is n = f·N, and
   * active pixels carry x̂_j² = 1/n (all models but the Holevo bounds).
   * @defaultValue 0.5
   */
  readonly activeFraction?: number | undefined;
  /**
   * Rows M (paper-2025: a number > 0; qfi, counting, holevo-*: an integer in [1, 1e10]).
   * @defaultValue N + 10 for paper-2025 (Maps.m: 784 + 10, the rows of the 784-784-10 network); N for the others
   */
  readonly rows?: number | undefined;
  /** Normalised data value x̂_j in [−1, 1] (Cramér–Rao models only). @defaultValue 1/√n */
  readonly x?: number | undefined;
  /** Detector efficiency η in (0, 1] (counting only). @defaultValue 1 */
  readonly efficiency?: number | undefined;
  /** Mean dark counts d ≥ 0 per mode per row (counting only). @defaultValue 0 */
  readonly darkCounts?: number | undefined;
  /** Technical-noise photons t ∈ [0, 100] per row along x̂ (noise that follows the data; the Holevo bounds use k + t; noise independent of x only lowers them). Holevo bounds only. @defaultValue 0 */
  readonly technicalPhotons?: number | undefined;
  /** Model name. @defaultValue 'corrected' (the σ⁴ Fisher information of a Gaussian variance) */
  readonly model?: DataLeakModel | undefined;
}

/** How an inapplicable field is named in the message, and which models take it. */
const FIELD_TEXT: Readonly<Record<DataLeakField, { readonly label: string; readonly models: string }>> = {
  x: { label: 'x', models: 'the Cramér–Rao models (paper-2024, corrected)' },
  rows: { label: 'rows M', models: modelList('rows') },
  efficiency: { label: 'detector efficiency η', models: modelList('efficiency') },
  darkCounts: { label: 'dark counts d', models: modelList('darkCounts') },
  technicalPhotons: { label: 'technical photons t', models: modelList('technicalPhotons') },
  activeFraction: { label: 'active fraction f', models: modelList('activeFraction') },
};

/** "the paper-2025 model" / "the paper-2025, qfi and counting models", from the table. */
function modelList(field: DataLeakField): string {
  const names = DATA_LEAK_MODELS.filter((m) => DATA_LEAK_MODEL_FIELDS[m].includes(field));
  if (names.length === 1) return `the ${names[0] as string} model`;
  return `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string} models`;
}

/** Order in which inapplicable fields are reported (x before rows, as before the new models). */
const CHECK_ORDER: readonly DataLeakField[] = ['x', 'rows', 'efficiency', 'darkCounts', 'activeFraction', 'technicalPhotons'];

/**
 * Data leakage in bits per data symbol under one of the models ({@link DataLeakModel}),
 * at gain G, N inputs, active fraction f (n = f·N) and, where the model takes them, M rows,
 * the data value x, the detector efficiency η and dark counts d.
 *
 * @param input - gain, inputs, active fraction, rows, x, efficiency, dark counts, model
 * @returns bits per data symbol (≥ 0)
 * @throws RangeError / TypeError naming the parameter, its range and the value; TypeError for a field the model does not take
 * @example dataLeak({ gain: 2 })                                 // returns ≈ 0.0072864 (corrected, N = 784)
 * @example dataLeak({ gain: 2, model: 'paper-2024' })            // returns ≈ 0.0072495 (σ⁸, as published)
 * @example dataLeak({ gain: 1 })                                 // returns 0 (no amplifier, no added noise; 0 for every model)
 * @example dataLeak({ gain: 2, model: 'paper-2025' })            // returns ≈ 0.50459 (M = 794, n = 392)
 * @example dataLeak({ gain: 2, model: 'counting' })              // returns ≈ 0.425309 (M = N = 784, p = 0.5)
 * @example dataLeak({ gain: 2, model: 'holevo-symmetric' })      // returns ≈ 1.36897 (upper bound, M = N = 784)
 * @public
 */
export function dataLeak(input: DataLeakInput): number {
  const model = oneOf('data-leakage model', input.model ?? 'corrected', DATA_LEAK_MODELS);
  const inputs = integerAtLeast('inputs N', input.inputs ?? 784, 1);
  const fields = DATA_LEAK_MODEL_FIELDS[model];
  const f = fields.includes('activeFraction') ? inLeftOpen('active fraction f', input.activeFraction ?? 0.5, 0, 1) : Number.NaN;
  for (const field of CHECK_ORDER) {
    const value = input[field];
    if (value !== undefined && !fields.includes(field)) {
      const t = FIELD_TEXT[field];
      throw new InputTypeError(`${t.label} applies to ${t.models} only; model is ${model}, received ${field} = ${describeValue(value)}`);
    }
  }
  const n = f * inputs;
  switch (model) {
    case 'paper-2025':
      return revisedDataLeak(input.gain, input.rows === undefined ? inputs + 10 : positive('rows M', input.rows), n);
    case 'qfi':
      return qfiDataLeak(input.gain, input.rows ?? inputs, n);
    case 'counting':
      return countingDataLeak({ gain: input.gain, inputs, activeFraction: f, rows: input.rows, efficiency: input.efficiency, darkCounts: input.darkCounts });
    case 'holevo-subadditive':
      return holevoSubadditiveDataLeak(input.gain, inputs, input.rows ?? inputs, input.technicalPhotons ?? 0);
    case 'holevo-symmetric':
      return holevoSymmetricDataLeak(input.gain, inputs, input.rows ?? inputs, input.technicalPhotons ?? 0);
    default:
      return cramerRaoDataLeak(input.gain, n, input.x, model);
  }
}
