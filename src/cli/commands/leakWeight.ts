import type { Command } from 'commander';
import { QSDL_VERSION } from '../../version.js';
import { runBatch } from '../_internal/batch.js';
import { fmt, formatTable } from '../../render/table.js';
import { evaluateWeight, WEIGHT_MODELS, WEIGHT_OPTIONS, weightColumnsEvaluator } from '../evaluators/weightEvaluator.js';
import type { WeightWorkerSettings } from '../evaluators/batchWorker.js';
import { parseInDomain } from '../_internal/numericOption.js';
import { rejectFlags } from '../_internal/strictOptions.js';
import { addNumericOptions, checkBatchFlags, choice, commonIo, readNumericFlags, weightPresetOf, type CliIo } from './common.js';

/** Register `qsdl leak weight` on the `leak` command. @internal */
export function registerLeakWeight(leak: Command, io: CliIo): void {
  const cmd = leak
    .command('weight')
    .description('Holevo bound χ_W on what the client learns, in bits per weight symbol (docs/model.md#weight-leakage)')
    .option('--model <name>', `evaluation: ${WEIGHT_MODELS.join(' | ')} (textbook-float64 is the published closed form in float64, for comparison)`, 'holevo')
    .option('--preset <name>', 'report as a published version does: paper-2024 (χ_W) | paper-2025 (0.5·χ_W)');
  addNumericOptions(cmd, WEIGHT_OPTIONS);
  commonIo(cmd);
  cmd.option('--threads <N>', 'batch mode: threads that parse, evaluate and format blocks of rows, this one included (1 … 8; default 1: on 2 cores more gained little, docs/cli.md#batch-mode)');
  cmd.action(async (opts: Record<string, unknown>, self: Command) => {
    const model = choice('--model', opts.model, WEIGHT_MODELS);
    const preset = weightPresetOf(opts.preset);
    const flags = readNumericFlags(opts, WEIGHT_OPTIONS);
    checkBatchFlags(self, opts, ['--threads']);
    rejectFlags(self, ['--threads'], opts.json !== true, 'with --json (JSON output is written by one thread)');
    const threads = opts.threads === undefined ? undefined : parseInDomain('--threads', String(opts.threads), { min: 1, max: 8, integer: true, text: '{1, 2, …, 8}' });
    if (typeof opts.input === 'string') {
      const settings: WeightWorkerSettings = { model, preset: preset?.name ?? null };
      await runBatch({
        inputPath: opts.input, options: WEIGHT_OPTIONS, flags, evaluate: (v) => evaluateWeight(v, model, preset).bits,
        columnsEvaluator: (header, f) => weightColumnsEvaluator(header, f, model, preset), parallel: { evaluator: 'weight', settings }, threads,
        json: opts.json === true, echo: opts.echo !== false, outputPath: opts.output as string | undefined, stdout: io.stdout, quiet: opts.quiet === true,
      });
      return;
    }
    const { point, bits } = evaluateWeight(flags, model, preset);
    const t = 1 - point.loss;
    // The dB as given, else from L (not from T: keeps tiny losses).
    const lossDb = flags['loss-db'] ?? (-10 * Math.log1p(-point.loss)) / Math.LN10;
    const fromGain = flags.gain !== undefined;
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({
        quantity: 'weight leakage', unit: 'bits per weight symbol', model, preset: preset?.name ?? null, bits,
        mu: point.mu, transmittance: t, loss: point.loss, lossDb, excessNoise: point.excessNoise,
        gain: flags.gain ?? null, inputs: fromGain ? flags.inputs ?? 784 : null, activeFraction: fromGain ? flags['active-fraction'] ?? 0.5 : null,
        qsdlVersion: QSDL_VERSION,
      })}\n`);
      return;
    }
    const rows: string[][] = [
      ['mean photon number μ', fmt(point.mu), 'photons per weight symbol'],
      ['power transmittance T', fmt(t), `loss L = ${fmt(point.loss)}, ${fmt(lossDb)} dB`],
      ['excess noise ε', fmt(point.excessNoise), fromGain ? `SNU at the output, from G = ${fmt(flags.gain as number)}, N = ${fmt(flags.inputs ?? 784)}, f = ${fmt(flags['active-fraction'] ?? 0.5)}` : 'SNU at the output'],
      ['weight leakage', fmt(bits), `bits per weight symbol (${model}${preset ? `, preset ${preset.name}` : ''}; full value ${bits})`],
    ];
    io.stdout(`${formatTable(['quantity', 'value', 'unit / note'], rows)}\n`);
  });
}
