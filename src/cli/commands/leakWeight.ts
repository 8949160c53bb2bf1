import type { Command } from 'commander';
import { holevoWeightLeak, resolveWeightLeakPoint, type WeightLeakPoint } from '../../bounds/holevoWeightLeak.js';
import { holevoWeightLeakTextbook } from '../../bounds/holevoWeightLeakTextbook.js';
import { effectiveExcessNoise } from '../../protocol/honestExcessNoise.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import { QSDL_VERSION } from '../../version.js';
import { runBatch, type NumericValues } from '../_internal/batch.js';
import { CliError } from '../_internal/cliError.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';
import { fmt, formatTable } from '../_internal/table.js';
import { addNumericOptions, choice, commonIo, presetOf, readNumericFlags, type CliIo } from './common.js';

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
type WeightModel = (typeof WEIGHT_MODELS)[number];

interface WeightEvaluation {
  readonly point: WeightLeakPoint;
  readonly bits: number;
}

/** Reduce option values to (μ, L, ε), with ε from --gain when given. @internal */
function weightPoint(v: NumericValues): WeightLeakPoint {
  const epsGiven = ['excess-noise', 'input-excess-noise', 'gain'].filter((k) => v[k] !== undefined);
  if (epsGiven.length > 1) throw new CliError(`give at most one of --excess-noise, --input-excess-noise, --gain; received ${epsGiven.map((k) => `--${k}`).join(', ')}`);
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

function evaluate(v: NumericValues, model: WeightModel, preset: PaperPreset | undefined): WeightEvaluation {
  const point = weightPoint(v);
  const factor = preset?.weightFactor ?? 1;
  const full = model === 'holevo'
    ? holevoWeightLeak(point)
    : holevoWeightLeakTextbook(2 * point.mu + 1, 1 - point.loss, point.excessNoise);
  return { point, bits: factor * full };
}

/** Register `qsdl leak weight` on the `leak` command. @internal */
export function registerLeakWeight(leak: Command, io: CliIo): void {
  const cmd = leak
    .command('weight')
    .description('Holevo bound χ_W on what the client learns, in bits per weight symbol (SPEC §3)')
    .option('--model <name>', `evaluation: ${WEIGHT_MODELS.join(' | ')} (textbook-float64 is the published closed form in float64, for comparison)`, 'holevo')
    .option('--preset <name>', 'report as a published version does: paper-2024 (χ_W) | paper-2025 (0.5·χ_W)');
  addNumericOptions(cmd, WEIGHT_OPTIONS);
  commonIo(cmd);
  cmd.action((opts: Record<string, unknown>) => {
    const model = choice('--model', opts.model, WEIGHT_MODELS);
    const preset = presetOf(opts.preset);
    const flags = readNumericFlags(opts, WEIGHT_OPTIONS);
    if (typeof opts.input === 'string') {
      runBatch({ inputPath: opts.input, options: WEIGHT_OPTIONS, flagValues: flags, compute: (v) => evaluate(v, model, preset).bits, json: opts.json === true, outputPath: opts.output as string | undefined, stdout: io.stdout });
      return;
    }
    if (opts.output !== undefined) throw new CliError('--output applies to batch mode (--input FILE.csv) only');
    const { point, bits } = evaluate(flags, model, preset);
    const t = 1 - point.loss;
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({
        quantity: 'weight leakage', unit: 'bits per weight symbol', model, preset: preset?.name ?? null, bits,
        mu: point.mu, transmittance: t, loss: point.loss, lossDb: -10 * Math.log10(t), excessNoise: point.excessNoise,
        gain: flags.gain ?? null, inputs: flags.gain !== undefined ? flags.inputs ?? 784 : null, activeFraction: flags.gain !== undefined ? flags['active-fraction'] ?? 0.5 : null,
        qsdlVersion: QSDL_VERSION,
      })}\n`);
      return;
    }
    const rows: string[][] = [
      ['mean photon number μ', fmt(point.mu), 'photons per weight symbol'],
      ['power transmittance T', fmt(t), `loss L = ${fmt(point.loss)}, ${fmt(-10 * Math.log10(t))} dB`],
      ['excess noise ε', fmt(point.excessNoise), flags.gain !== undefined ? `SNU at the output, from G = ${fmt(flags.gain)}, N = ${fmt(flags.inputs ?? 784)}, f = ${fmt(flags['active-fraction'] ?? 0.5)}` : 'SNU at the output'],
      ['weight leakage', fmt(bits), `bits per weight symbol (${model}${preset ? `, preset ${preset.name}` : ''}; full value ${bits})`],
    ];
    io.stdout(`${formatTable(['quantity', 'value', 'unit / note'], rows)}\n`);
  });
}
