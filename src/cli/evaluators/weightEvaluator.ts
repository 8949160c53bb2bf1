import { holevoWeightKernel } from '../../bounds/holevoWeightKernel.js';
import { MAX_EXCESS_NOISE, MAX_MU, resolveWeightLeakPoint, type WeightLeakPoint } from '../../bounds/holevoWeightLeak.js';
import { MAX_LOSS_DB } from '../../protocol/channelLoss.js';
import { holevoWeightLeakTextbook } from '../../bounds/holevoWeightLeakTextbook.js';
import { effectiveExcessNoise } from '../../protocol/effectiveExcessNoise.js';
import type { ColumnsEvaluator } from '../_internal/batchRows.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { UsageError } from '../_internal/errors.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';

/** What the evaluation needs of a preset (--preset): its factor on χ_W. @internal */
export interface WeightPreset {
  readonly weightFactor: number;
}

/** The flags of `qsdl leak weight`, also the CSV columns of its batch mode. @internal */
export const WEIGHT_OPTIONS: readonly NumericOption[] = [
  numericOption('mu', 'μ', { min: 0, max: MAX_MU }, 'mean photon number per weight symbol (photons)'),
  numericOption('modulation-variance', 'V', { min: 1, max: 2 * MAX_MU }, 'modulation variance V = 2μ + 1 (SNU), instead of --mu'),
  // T ≥ 2^−53: below, the loss 1 − T rounds to 1 in float64 (give --loss-db up to 150 for such channels).
  numericOption('transmittance', 'T', { min: 2 ** -53, max: 1, text: '[2^−53 ≈ 1.1e-16, 1]' }, 'power transmittance of the round trip (default 1)'),
  numericOption('loss', 'L', { min: 0, max: 1, openMax: true }, 'power loss L = 1 − T; give it for T within 1e-16 of 1'),
  numericOption('loss-db', 'dB', { min: 0, max: MAX_LOSS_DB }, 'channel loss in dB = −10·log10 T'),
  numericOption('excess-noise', 'ε', { min: 0, max: MAX_EXCESS_NOISE }, 'excess noise at the channel output (SNU; default 0)'),
  numericOption('input-excess-noise', 'ξ', { min: 0, max: MAX_EXCESS_NOISE }, 'input-referred excess noise ξ = ε/T (SNU)'),
  numericOption('gain', 'G', { min: 1, max: Infinity }, 'honest client gain G: sets ε = 2(G−1)/(G·f·N)'),
  numericOption('inputs', 'N', { min: 1, max: 1e9, integer: true }, 'inputs per row N, with --gain (default 784)'),
  numericOption('active-fraction', 'f', { min: 0, max: 1, openMin: true }, 'fraction f of non-zero inputs, with --gain (default 0.5)'),
];

/** Weight-leakage evaluations: the accurate Holevo bound, and the published float64 closed form. @internal */
export const WEIGHT_MODELS = ['holevo', 'textbook-float64'] as const;
/** A {@link WEIGHT_MODELS} name. @internal */
export type WeightModel = (typeof WEIGHT_MODELS)[number];

/** (μ, L, ε) of one evaluation and its result in bits per weight symbol. @internal */
export interface WeightEvaluation {
  readonly point: WeightLeakPoint;
  readonly bits: number;
}

/** Reduce option values to (μ, L, ε), with ε from --gain when given. @internal */
function weightPoint(v: NumericValues): WeightLeakPoint {
  atMostOne(v, ['mu', 'modulation-variance'], 'the light');
  atMostOne(v, ['transmittance', 'loss', 'loss-db'], 'the channel');
  atMostOne(v, ['excess-noise', 'input-excess-noise', 'gain'], 'the excess noise');
  if (v.gain === undefined && (v.inputs !== undefined || v['active-fraction'] !== undefined)) {
    throw new UsageError('inputs and active-fraction set ε only together with gain');
  }
  if (v.mu === undefined && v['modulation-variance'] === undefined) {
    throw new UsageError(`give the light: --mu (${WEIGHT_OPTIONS[0]?.range}) or --modulation-variance (${WEIGHT_OPTIONS[1]?.range}), as a flag or a CSV column`);
  }
  const excessNoise = v.gain !== undefined ? effectiveExcessNoise(v.gain, v.inputs ?? 784, v['active-fraction'] ?? 0.5) : v['excess-noise'];
  if (v.gain !== undefined && !(excessNoise !== undefined && excessNoise <= MAX_EXCESS_NOISE)) {
    throw new UsageError(`gain, inputs and active-fraction give ε = 2(G − 1)/(G·f·N) = ${excessNoise} SNU, above the largest excess noise ${MAX_EXCESS_NOISE.toExponential().replace('e+', 'e')} SNU (G = ${v.gain}, N = ${v.inputs ?? 784}, f = ${v['active-fraction'] ?? 0.5})`);
  }
  return resolveWeightLeakPoint({
    mu: v.mu,
    modulationVariance: v['modulation-variance'],
    transmittance: v.transmittance,
    loss: v.loss,
    lossDb: v['loss-db'],
    excessNoise,
    inputExcessNoise: v['input-excess-noise'],
  });
}

/**
 * Exclusive options, named as flags and CSV columns are (a value may come from either).
 * Counted without allocating: this runs once per batch row.
 */
function atMostOne(v: NumericValues, names: readonly string[], what: string): void {
  let count = 0;
  for (const n of names) if (v[n] !== undefined) count += 1;
  if (count > 1) {
    const given = names.filter((n) => v[n] !== undefined).map((n) => `${n} = ${v[n]}`);
    throw new UsageError(`give ${what} once, as one of ${names.join(', ')} (flag or column); received ${given.join(', ')}`);
  }
}

/**
 * Evaluate weight leakage for option values: validates (throws RangeError, TypeError or
 * UsageError naming the parameter), then the chosen model times the preset's factor. @internal
 */
export function evaluateWeight(v: NumericValues, model: WeightModel, preset: WeightPreset | undefined): WeightEvaluation {
  const point = weightPoint(v);
  const factor = preset?.weightFactor ?? 1;
  const full = model === 'holevo'
    ? holevoWeightKernel(point.mu, point.loss, point.excessNoise)
    : holevoWeightLeakTextbook(2 * point.mu + 1, 1 - point.loss, point.excessNoise);
  const bits = factor * full;
  // Backstop: the validated domain gives finite results (tested); anything else is a bug, not bad input.
  if (!Number.isFinite(bits)) throw new Error(`weight leakage is not finite (${bits}) at μ = ${point.mu}, L = ${point.loss}, ε = ${point.excessNoise}`);
  return { point, bits };
}

/** Where each quantity of a row comes from: a CSV column (its index) or a flag (its value). */
type Source = { readonly column: number } | { readonly value: number };

/**
 * {@link evaluateWeight} over whole columns, calling the kernel directly: for a header
 * and flags that give the light once (μ or V), at most one channel field and at most one
 * excess-noise field (ε or ξ), and no gain. Every value is already in its column's or
 * flag's domain, which is the library's, so a row needs no validation; the arithmetic is
 * resolveWeightLeakPoint's and evaluateWeight's, so the results are the same doubles.
 * Undefined for any other combination (gain, or an error the row-by-row evaluation
 * names). A non-finite result stops at its row, which the row evaluation then reports.
 * @internal
 */
export function weightColumnsEvaluator(header: readonly string[], flags: NumericValues, model: WeightModel, preset: WeightPreset | undefined): ColumnsEvaluator | undefined {
  const source = (name: string): Source | undefined => {
    const j = header.indexOf(name);
    if (j >= 0) return { column: j };
    const v = flags[name];
    return v === undefined ? undefined : { value: v };
  };
  const given = (names: readonly string[]) => names.filter((n) => source(n) !== undefined);
  if (given(['gain', 'inputs', 'active-fraction']).length > 0) return undefined;
  const light = given(['mu', 'modulation-variance']);
  const channel = given(['transmittance', 'loss', 'loss-db']);
  const noise = given(['excess-noise', 'input-excess-noise']);
  if (light.length !== 1 || channel.length > 1 || noise.length > 1) return undefined;
  const lightName = light[0] as string;
  const channelName = channel[0];
  const noiseName = noise[0];
  const factor = preset?.weightFactor ?? 1;
  const holevo = model === 'holevo';
  return (columns, count, out) => {
    const values = (name: string | undefined): Float64Array => {
      const s = name === undefined ? { value: 0 } : source(name) as Source;
      return 'column' in s ? columns[s.column] as Float64Array : new Float64Array(count).fill(s.value);
    };
    const lightValues = values(lightName);
    const channelValues = values(channelName);
    const noiseValues = values(noiseName);
    const fromVariance = lightName === 'modulation-variance';
    for (let i = 0; i < count; i += 1) {
      const mu = fromVariance ? ((lightValues[i] as number) - 1) / 2 : lightValues[i] as number;
      const c = channelValues[i] as number;
      const loss = channelName === undefined ? 0 : channelName === 'transmittance' ? 1 - c : channelName === 'loss' ? c : -Math.expm1((-c * Math.LN10) / 10);
      const n = noiseValues[i] as number;
      const eps = noiseName === 'input-excess-noise' ? n * (1 - loss) : n;
      const full = holevo ? holevoWeightKernel(mu, loss, eps) : holevoWeightLeakTextbook(2 * mu + 1, 1 - loss, eps);
      const bits = factor * full;
      if (!Number.isFinite(bits)) return i;
      out[i] = bits;
    }
    return -1;
  };
}
