import { holevoWeightKernel } from '../../bounds/holevoWeightKernel.js';
import { resolveWeightLeakPoint, type WeightLeakPoint } from '../../bounds/holevoWeightLeak.js';
import { holevoWeightLeakTextbook } from '../../bounds/holevoWeightLeakTextbook.js';
import { effectiveExcessNoise } from '../../protocol/honestExcessNoise.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { CliError } from '../_internal/cliError.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';

/** The flags of `qsdl leak weight`, also the CSV columns of its batch mode. @internal */
export const WEIGHT_OPTIONS: readonly NumericOption[] = [
  numericOption('mu', 'μ', 'mean photon number per weight symbol (≥ 0)'),
  numericOption('modulation-variance', 'V', 'modulation variance V = 2μ + 1 (SNU, ≥ 1), instead of --mu'),
  numericOption('transmittance', 'T', 'power transmittance of the round trip, in (0, 1] (default 1)'),
  numericOption('loss', 'L', 'power loss L = 1 − T, in [0, 1); give it for T within 1e-16 of 1'),
  numericOption('loss-db', 'dB', 'channel loss in dB = −10·log10 T (≥ 0)'),
  numericOption('excess-noise', 'ε', 'excess noise at the channel output (SNU, ≥ 0; default 0)'),
  numericOption('input-excess-noise', 'ξ', 'input-referred excess noise ξ = ε/T (SNU, ≥ 0)'),
  numericOption('gain', 'G', 'honest client gain G ≥ 1: sets ε = 2(G−1)/(G·f·N)'),
  numericOption('inputs', 'N', 'inputs per row N, with --gain (default 784)'),
  numericOption('active-fraction', 'f', 'fraction f of non-zero inputs, in (0, 1], with --gain (default 0.5)'),
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
  const epsCount = +(v['excess-noise'] !== undefined) + +(v['input-excess-noise'] !== undefined) + +(v.gain !== undefined);
  if (epsCount > 1) {
    const epsGiven = ['excess-noise', 'input-excess-noise', 'gain'].filter((k) => v[k] !== undefined);
    throw new CliError(`give at most one of --excess-noise, --input-excess-noise, --gain; received ${epsGiven.map((k) => `--${k}`).join(', ')}`);
  }
  if (v.gain === undefined && (v.inputs !== undefined || v['active-fraction'] !== undefined)) {
    throw new CliError('--inputs and --active-fraction set ε only together with --gain');
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
 * Evaluate weight leakage for option values: validates (throws RangeError, TypeError or
 * CliError naming the parameter), then the chosen model times the preset's factor. @internal
 */
export function evaluateWeight(v: NumericValues, model: WeightModel, preset: PaperPreset | undefined): WeightEvaluation {
  const point = weightPoint(v);
  const factor = preset?.weightFactor ?? 1;
  const full = model === 'holevo'
    ? holevoWeightKernel(point.mu, point.loss, point.excessNoise)
    : holevoWeightLeakTextbook(2 * point.mu + 1, 1 - point.loss, point.excessNoise);
  return { point, bits: factor * full };
}
