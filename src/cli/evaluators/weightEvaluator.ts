import { holevoWeightKernel } from '../../bounds/holevoWeightKernel.js';
import { resolveWeightLeakPoint, type WeightLeakPoint } from '../../bounds/holevoWeightLeak.js';
import { holevoWeightLeakTextbook } from '../../bounds/holevoWeightLeakTextbook.js';
import { effectiveExcessNoise } from '../../protocol/effectiveExcessNoise.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { CliError } from '../_internal/cliError.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';

/** The flags of `qsdl leak weight`, also the CSV columns of its batch mode. @internal */
export const WEIGHT_OPTIONS: readonly NumericOption[] = [
  numericOption('mu', 'μ', 'in [0, 1e12]', 'mean photon number per weight symbol (photons, in [0, 1e12])'),
  numericOption('modulation-variance', 'V', 'in [1, 2e12]', 'modulation variance V = 2μ + 1 (SNU, in [1, 2e12]), instead of --mu'),
  numericOption('transmittance', 'T', 'in (0, 1]', 'power transmittance of the round trip, in (0, 1] (default 1)'),
  numericOption('loss', 'L', 'in [0, 1)', 'power loss L = 1 − T, in [0, 1); give it for T within 1e-16 of 1'),
  numericOption('loss-db', 'dB', 'in [0, 150]', 'channel loss in dB = −10·log10 T, in [0, 150]'),
  numericOption('excess-noise', 'ε', 'in [0, 1e6]', 'excess noise at the channel output (SNU, in [0, 1e6]; default 0)'),
  numericOption('input-excess-noise', 'ξ', 'in [0, 1e6]', 'input-referred excess noise ξ = ε/T (SNU, in [0, 1e6])'),
  numericOption('gain', 'G', 'in [1, ∞)', 'honest client gain G ≥ 1: sets ε = 2(G−1)/(G·f·N)'),
  numericOption('inputs', 'N', 'in {1, 2, …}', 'inputs per row N, with --gain (an integer; default 784)'),
  numericOption('active-fraction', 'f', 'in (0, 1]', 'fraction f of non-zero inputs, in (0, 1], with --gain (default 0.5)'),
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
    throw new CliError('inputs and active-fraction set ε only together with gain');
  }
  const excessNoise = v.gain !== undefined ? effectiveExcessNoise(v.gain, v.inputs ?? 784, v['active-fraction'] ?? 0.5) : v['excess-noise'];
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
    throw new CliError(`give ${what} once, as one of ${names.join(', ')} (flag or column); received ${given.join(', ')}`);
  }
}

/**
 * Evaluate weight leakage for option values: validates (throws RangeError, TypeError or
 * CliError naming the parameter), then the chosen model times the preset's factor. @internal
 */
export function evaluateWeight(v: NumericValues, model: WeightModel, preset: PaperPreset | undefined): WeightEvaluation {
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
