import type { Command } from 'commander';
import { DATA_LEAK_MODELS } from '../../bounds/dataLeak.js';
import { QSDL_VERSION } from '../../version.js';
import { runBatch } from '../_internal/batch.js';
import { CliError } from '../_internal/cliError.js';
import { fmt, formatTable } from '../_internal/table.js';
import { DATA_OPTIONS, DEFAULT_DATA_MODEL, evaluateData } from '../evaluators/dataEvaluator.js';
import { addNumericOptions, choice, commonIo, presetOf, readNumericFlags, type CliIo } from './common.js';

/** Register `qsdl leak data` on the `leak` command. @internal */
export function registerLeakData(leak: Command, io: CliIo): void {
  const cmd = leak
    .command('data')
    .description('published data-leakage models, in bits per data symbol (SPEC §4.1; homodyne models, not upper bounds)')
    .option('--model <name>', `${DATA_LEAK_MODELS.join(' | ')} (default ${DEFAULT_DATA_MODEL}: σ⁴ Fisher information)`)
    .option('--preset <name>', 'use the data model of a published version: paper-2024 | paper-2025');
  addNumericOptions(cmd, DATA_OPTIONS);
  commonIo(cmd);
  cmd.action((opts: Record<string, unknown>) => {
    if (opts.model !== undefined && opts.preset !== undefined) throw new CliError('give --model or --preset, not both');
    const preset = presetOf(opts.preset);
    const model = preset?.dataModel ?? choice('--model', opts.model ?? DEFAULT_DATA_MODEL, DATA_LEAK_MODELS);
    const flags = readNumericFlags(opts, DATA_OPTIONS);
    if (typeof opts.input === 'string') {
      runBatch({ inputPath: opts.input, options: DATA_OPTIONS, flags, evaluate: (v) => evaluateData(v, model), json: opts.json === true, echo: opts.echo !== false, outputPath: opts.output as string | undefined, stdout: io.stdout });
      return;
    }
    if (opts.output !== undefined) throw new CliError('--output applies to batch mode (--input FILE.csv) only');
    const bits = evaluateData(flags, model);
    // The other published models at the same point, so that the difference is visible.
    const others = Object.fromEntries(
      DATA_LEAK_MODELS.filter((m) => m !== model).map((m) => [m, evaluateData({ ...flags, rows: m === 'paper-2025' ? flags.rows : undefined, x: m === 'paper-2025' ? undefined : flags.x }, m)]),
    );
    const inputs = flags.inputs ?? 784;
    const f = flags['active-fraction'] ?? 0.5;
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({
        quantity: 'data leakage', unit: 'bits per data symbol', model, preset: preset?.name ?? null, bits,
        gain: flags.gain, inputs, activeFraction: f, samples: f * inputs,
        rows: model === 'paper-2025' ? flags.rows ?? inputs + 10 : null, x: model === 'paper-2025' ? null : flags.x ?? 1 / Math.sqrt(f * inputs),
        otherModels: others, qsdlVersion: QSDL_VERSION,
      })}\n`);
      return;
    }
    const rows = [
      [`${model} (selected)`, fmt(bits), String(bits)],
      ...Object.entries(others).map(([m, b]) => [m, fmt(b), String(b)]),
    ];
    io.stdout(`data leakage at G = ${fmt(flags.gain as number)}, N = ${fmt(inputs)}, f = ${fmt(f)} (n = ${fmt(f * inputs)}), bits per data symbol\n${formatTable(['model', 'bits', 'full value'], rows)}\n` +
      'These are models of a server that homodynes the returned light; they do not bound what an optimal server learns.\n');
  });
}
