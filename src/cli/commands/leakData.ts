import type { Command } from 'commander';
import { isInputError } from '../../inputError.js';
import { DATA_LEAK_MODEL_FIELDS, DATA_LEAK_MODELS, type DataLeakModel } from '../../bounds/dataLeak.js';
import { QSDL_VERSION } from '../../version.js';
import { runBatch } from '../_internal/batch.js';
import { UsageError } from '../_internal/errors.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { fmt, formatTable, wrap } from '../../render/table.js';
import { DATA_MODEL_KIND, DATA_OPTIONS, DEFAULT_DATA_MODEL, evaluateData, valuesFor } from '../evaluators/dataEvaluator.js';
import { addNumericOptions, checkBatchFlags, choice, commonIo, readNumericFlags, type CliIo } from './common.js';
import { presetOf } from './presetOption.js';
import { networkDataLeakBound, type NetworkBoundModel } from '../../bounds/networkDataLeakBound.js';
import { loadNetworkFlag, networkJson, networkOption } from '../_internal/networkFlag.js';
import { rejectFlags } from '../_internal/strictOptions.js';

/** The models that bound a whole network (a sum over its layers by the chain rule). */
const NETWORK_MODELS: readonly string[] = ['holevo-symmetric', 'holevo-subadditive'];

/**
 * `leak data --model holevo-*` without --inputs/--rows: the bound for the whole network (the
 * committed one unless --network names another), one entry per layer and their sum.
 */
async function printNetworkBound(model: NetworkBoundModel, flags: NumericValues, networkFlag: string | undefined, json: boolean, io: CliIo): Promise<void> {
  const net = await loadNetworkFlag(networkFlag);
  const t = flags['technical-photons'] ?? 0;
  const r = networkDataLeakBound({ gain: flags.gain as number, layers: net.network, model, technicalPhotons: t });
  if (json) {
    io.stdout(`${JSON.stringify({
      quantity: 'data leakage', unit: 'bits per data symbol', scope: 'network', model, kind: `${DATA_MODEL_KIND[model]}, summed over the layers (chain rule)`, bits: r.bits, totalBits: r.totalBits,
      gain: flags.gain, technicalPhotons: t, photonsPerRow: r.photonsPerRow, dataSymbols: r.dataSymbols, layers: r.layers, ...networkJson(net), qsdlVersion: QSDL_VERSION,
    })}\n`);
    return;
  }
  const rows = [
    ...r.layers.map((l) => [String(l.layer), String(l.inputs), String(l.rows), fmt(l.bitsPerLayerInput), fmt(l.totalBits), fmt(l.bits)]),
    ['sum', '', '', '', fmt(r.totalBits), fmt(r.bits)],
  ];
  const shape = [r.layers[0]!.inputs, ...r.layers.map((l) => l.rows)].join('-');
  io.stdout(`${wrap(`data leakage bound for the whole ${shape} network (${net.source === 'committed' ? 'the committed weights/mnist-784-784-10' : net.source}), ${model}, G = ${fmt(flags.gain as number)}, k + t = ${fmt(r.photonsPerRow)} photons per row (t = ${fmt(t)} technical)`)}\n` +
    `${formatTable(['layer', 'N', 'M', 'bits per layer input', 'bits per inference', 'bits per data symbol'], rows)}\n` +
    `${wrap(`An upper bound on everything any server learns about the client's data from one inference through the whole network: each layer's one-layer bound (its own N and M), summed by the chain rule (proofs/network-bounds.md), per data symbol (N = ${r.dataSymbols}). With --inputs or --rows, leak data bounds one layer only.`)}\n`);
}

/** The rows M a model uses at these flags (null when it takes none). */
function rowsOf(model: DataLeakModel, flags: NumericValues, inputs: number): number | null {
  if (!DATA_LEAK_MODEL_FIELDS[model].includes('rows')) return null;
  return flags.rows ?? (model === 'paper-2025' ? inputs + 10 : inputs);
}

/** Register `qsdl leak data` on the `leak` command. @internal */
export function registerLeakData(leak: Command, io: CliIo): void {
  const cmd = leak
    .command('data')
    .description('server-side data leakage, in bits per data symbol: the published homodyne models (docs/model.md#homodyne-models, not bounds), the QFI figure, the displace-and-count attack and two Holevo upper bounds (docs/model.md#server-capabilities)')
    .option('--model <name>', `${DATA_LEAK_MODELS.join(' | ')} (default ${DEFAULT_DATA_MODEL}: σ⁴ Fisher information)`)
    .option('--preset <name>', 'use the data model of a published version: paper-2024 | paper-2025');
  addNumericOptions(cmd, DATA_OPTIONS);
  networkOption(cmd);
  commonIo(cmd);
  cmd.action(async (opts: Record<string, unknown>, self: Command) => {
    if (opts.model !== undefined && opts.preset !== undefined) throw new UsageError('give --model or --preset, not both');
    const preset = presetOf(opts.preset);
    const model = preset?.dataModel ?? choice('--model', opts.model ?? DEFAULT_DATA_MODEL, DATA_LEAK_MODELS);
    const flags = readNumericFlags(opts, DATA_OPTIONS);
    checkBatchFlags(self, opts);
    const wholeNetwork = NETWORK_MODELS.includes(model) && typeof opts.input !== 'string' && flags.inputs === undefined && flags.rows === undefined;
    rejectFlags(self, ['--network'], wholeNetwork, `here: it names the network of the whole-network bound (--model ${NETWORK_MODELS.join(' or ')}, single point, without --inputs and --rows)`);
    if (wholeNetwork) {
      evaluateData(flags, model); // the one-layer checks: flags the model does not take are errors here too
      await printNetworkBound(model as NetworkBoundModel, flags, opts.network as string | undefined, opts.json === true, io);
      return;
    }
    if (typeof opts.input === 'string') {
      await runBatch({ inputPath: opts.input, options: DATA_OPTIONS, flags, evaluate: (v) => evaluateData(v, model), json: opts.json === true, echo: opts.echo !== false, outputPath: opts.output as string | undefined, stdout: io.stdout, quiet: opts.quiet === true });
      return;
    }
    const bits = evaluateData(flags, model);
    // The other models at the same point, each given only the flags it takes, so that the difference is visible.
    // A model not defined at this point (n = f·N < 1 for the Cramér–Rao ones, M not an integer for the
    // Holevo ones) is shown as such, with why: it is not the selected model's error.
    const notDefined = new Map<string, string>();
    const others = Object.fromEntries(DATA_LEAK_MODELS.filter((m) => m !== model).map((m) => {
      try {
        return [m, evaluateData(valuesFor(flags, m), m)];
      } catch (e) {
        if (!isInputError(e)) throw e;
        notDefined.set(m, (e as Error).message);
        return [m, null];
      }
    })) as Record<string, number | null>;
    const inputs = flags.inputs ?? 784;
    const f = flags['active-fraction'] ?? 0.5;
    const takes = DATA_LEAK_MODEL_FIELDS[model];
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({
        quantity: 'data leakage', unit: 'bits per data symbol', scope: 'layer', model, kind: DATA_MODEL_KIND[model], preset: preset?.name ?? null, bits,
        gain: flags.gain, inputs, activeFraction: takes.includes('activeFraction') ? f : null, samples: takes.includes('activeFraction') ? f * inputs : null,
        rows: rowsOf(model, flags, inputs), x: takes.includes('x') ? flags.x ?? 1 / Math.sqrt(f * inputs) : null,
        technicalPhotons: takes.includes('technicalPhotons') ? flags['technical-photons'] ?? 0 : null, efficiency: takes.includes('efficiency') ? flags.efficiency ?? 1 : null, darkCounts: takes.includes('darkCounts') ? flags['dark-counts'] ?? 0 : null,
        otherModels: others, ...(notDefined.size > 0 ? { otherModelsNotDefined: Object.fromEntries(notDefined) } : {}), qsdlVersion: QSDL_VERSION,
      })}\n`);
      return;
    }
    const rows = [
      [`${model} *`, String(bits), DATA_MODEL_KIND[model]],
      ...Object.entries(others).map(([m, b]) => [m, b === null ? 'not defined here' : String(b), DATA_MODEL_KIND[m as DataLeakModel]]),
    ];
    const technical = flags['technical-photons'] !== undefined ? `, t = ${fmt(flags['technical-photons'])} technical photons per row along x̂ (holevo-*)` : '';
    const detector = flags.efficiency !== undefined || flags['dark-counts'] !== undefined ? `, η = ${fmt(flags.efficiency ?? 1)}, d = ${fmt(flags['dark-counts'] ?? 0)} (counting)` : '';
    io.stdout(`${wrap(`data leakage at G = ${fmt(flags.gain as number)}, N = ${fmt(inputs)}, f = ${fmt(f)} (n = ${fmt(f * inputs)}), M = ${fmt(flags.rows ?? inputs)} rows (paper-2025: ${fmt(flags.rows ?? inputs + 10)})${detector}${technical}, bits per data symbol`)}\n` +
      `${formatTable(['model (* selected)', 'bits per data symbol', 'what it is'], rows)}\n` +
      `${wrap('Homodyne and QFI figures bound nothing; counting is what a photon-counting server achieves; the Holevo bounds cap what any server can learn from this one layer (docs/model.md#server-capabilities): a network leaks in every layer (omit --inputs and --rows with a holevo-* model for the whole-network bound).')}\n` +
      [...notDefined].map(([m, why]) => `${wrap(`${m} is not defined at this point: ${why}`, 100, 4)}\n`).join(''));
  });
}
