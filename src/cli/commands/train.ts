import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Command } from 'commander';
import { encodePixels } from '../../inference/encodePixels.js';
import { networkBytes, parseNetwork, type NetworkProvenance } from '../../inference/networkFile.js';
import { testAccuracy } from '../../inference/testAccuracy.js';
import { trainNetwork } from '../../inference/trainNetwork.js';
import { QSDL_VERSION } from '../../version.js';
import { UsageError } from '../_internal/errors.js';
import { loadMnistData } from '../_internal/networkFlag.js';
import { numericOption } from '../_internal/numericOption.js';
import { checkFolderFlag, commitOutputs, planOutput } from '../_internal/outputFile.js';
import { progressOn, withBar } from '../_internal/progress.js';
import { addNumericOptions, quietOption, readNumericFlags, seedFlag, seedOption, type CliIo } from './common.js';
import { describeValue } from '../../_internal/validate.js';

/** The numeric flags of `qsdl train`. Epochs are capped by time (about 75 s each on the CI machine), the batch by the 60 000 training images. */
const OPTIONS = [
  numericOption('epochs', 'E', { min: 1, max: 1000, integer: true }, 'passes over the 60 000 training images (about 75 s each on a 2-core machine)', 8),
  numericOption('batch-size', 'B', { min: 1, max: 60000, integer: true }, 'mini-batch size', 64),
  numericOption('learning-rate', 'LR', { min: 0, max: 1, openMin: true }, 'Adam learning rate', 0.001),
];

/** A file stem: a plain name, no folder separators, not hidden, at most 100 characters. */
function checkStem(name: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._+-]{0,99}$/.test(name)) {
    throw new UsageError(`--name must be a file stem of 1 to 100 letters, digits, '.', '_', '+' or '-', not starting with '.', '+' or '-'; received ${JSON.stringify(name.slice(0, 80))}`);
  }
  return name;
}

/** Register `qsdl train`: train the paper's 784-784-10 network on MNIST, write weights and provenance. @internal */
export function registerTrain(program: Command, io: CliIo): void {
  const cmd = program
    .command('train')
    .description('train the paper\'s bias-free ReLU 784-784-10 network on MNIST (Adam, pixels in [−1, 1]); writes NAME.f32 and NAME.json into a new folder by default, never over existing files unless --force')
    .option('--out <DIR>', 'folder for the weights and their provenance (created if missing; not the committed weights/ unless you mean it)', 'trained')
    .option('--name <NAME>', 'file stem', 'mnist-784-784-10')
    .option('--force', 'replace NAME.f32 and NAME.json if they exist');
  addNumericOptions(cmd, OPTIONS);
  seedOption(cmd, 'the initial weights and the shuffles');
  quietOption(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const v = readNumericFlags(opts, OPTIONS);
    const epochs = v.epochs as number;
    const batchSize = v['batch-size'] as number;
    const learningRate = v['learning-rate'] as number;
    const seed = seedFlag(opts.seed);
    const out = String(opts.out);
    const name = checkStem(String(opts.name));
    // Where the files go is checked before a minute is spent on training.
    checkFolderFlag('--out', out);
    const weightsPath = join(out, `${name}.f32`);
    const provenancePath = join(out, `${name}.json`);
    const refuse = opts.force === true ? {} : { refuseExisting: 'qsdl train never replaces a network unless you give --force (or choose another --out or --name)' };
    const plans = [weightsPath, provenancePath].map((p) => planOutput(p, { what: describeValue(p), createFolder: true, ...refuse }));
    const train = loadMnistData('train');
    const test = loadMnistData('test');
    const progress = progressOn(opts.quiet === true);
    const network = withBar(progress, 'training [{bar}] {percentage}% | {value}/{total} samples | loss {loss} | eta {eta_formatted}', epochs * train.count, (bar) =>
      trainNetwork(encodePixels(train.images), train.labels, 784, {
        epochs, seed, batchSize, learningRate,
        onProgress: (seen, _total, loss) => bar.update(seen, { loss: loss.toFixed(4) }),
      }));
    const bytes = networkBytes(network);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const provisional: NetworkProvenance = {
      shapes: network.layers.map((l) => [l.rows, l.weights.length / l.rows] as const),
      command: `qsdl train --epochs ${epochs} --seed ${seed} --batch-size ${batchSize} --learning-rate ${learningRate}`,
      training: { epochs, seed, batchSize, learningRate, optimiser: 'Adam (β1 0.9, β2 0.999, ε 1e-8)', loss: 'softmax cross-entropy', encoding: 'pm1: (p/255 − 0.5)/0.5', init: 'uniform ±1/√fan_in' },
      cleanTestAccuracyPercent: Number.NaN,
      sha256,
      qsdlVersion: QSDL_VERSION,
    };
    // Accuracy of the weights as stored (float32), read back through the parser users' files take.
    const stored = parseNetwork(bytes, JSON.stringify({ ...provisional, cleanTestAccuracyPercent: null }), { weights: weightsPath, provenance: provenancePath });
    const { accuracyPercent: accuracy, correct } = withBar(progress, 'clean test accuracy [{bar}] {percentage}% | {value}/{total} images', test.count, (bar) =>
      testAccuracy(stored.network, test, null, 1, 'pm1', (done) => bar.update(done)));
    const provenanceText = `${JSON.stringify({ ...provisional, cleanTestAccuracyPercent: accuracy }, null, 2)}\n`;
    await commitOutputs([
      { plan: plans[0]!, what: describeValue(weightsPath), parts: [bytes] },
      { plan: plans[1]!, what: describeValue(provenancePath), parts: [provenanceText] },
    ]);
    io.stdout(`clean test accuracy ${accuracy.toFixed(2)} % (${correct}/${test.count}); wrote ${weightsPath} and ${provenancePath} (use it with --network ${provenancePath})\n`);
  });
}
