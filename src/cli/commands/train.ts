import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadMnist } from '../../data/loadMnist.js';
import { encodePixels } from '../../inference/encodePixels.js';
import { networkBytes, readNetwork, type NetworkProvenance } from '../../inference/networkFile.js';
import { testAccuracy } from '../../inference/testAccuracy.js';
import { trainNetwork } from '../../inference/trainNetwork.js';
import { QSDL_VERSION } from '../../version.js';
import { writeWhole } from '../_internal/batch.js';
import { inLeftOpen, integerAtLeast, seed32 } from '../../_internal/validate.js';
import { CliError } from '../_internal/cliError.js';
import { parseNumberText } from '../_internal/numericOption.js';
import { progressBar } from '../_internal/progress.js';
import type { CliIo } from './common.js';

/** Register `qsdl train`: train the paper's 784-784-10 network on MNIST, write weights and provenance. @internal */
export function registerTrain(program: Command, io: CliIo): void {
  program
    .command('train')
    .description('train the paper\'s bias-free ReLU 784-784-10 network on MNIST (Adam, pixels in [−1, 1]); writes NAME.f32 and NAME.json')
    .option('--out <DIR>', 'folder for the weights and their provenance', 'weights')
    .option('--name <NAME>', 'file stem', 'mnist-784-784-10')
    .option('--epochs <E>', 'passes over the 60 000 training images (about 1.5 min each on the CI machine)', '8')
    .option('--seed <S>', 'seed of the initial weights and the shuffles, an integer', '1')
    .option('--batch-size <B>', 'mini-batch size', '64')
    .option('--learning-rate <LR>', 'Adam learning rate', '0.001')
    .action((opts: { out: string; name: string; epochs: string; seed: string; batchSize: string; learningRate: string }) => {
      const epochs = parseNumberText('--epochs', opts.epochs, 'in {1, 2, …}');
      const seed = parseNumberText('--seed', opts.seed, 'in [−2^31, 2^31)');
      const batchSize = parseNumberText('--batch-size', opts.batchSize, 'in {1, 2, …}');
      const learningRate = parseNumberText('--learning-rate', opts.learningRate, 'in (0, 1]');
      // Check the settings before spending a second on loading MNIST.
      integerAtLeast('--epochs', epochs, 1);
      integerAtLeast('--batch-size', batchSize, 1);
      inLeftOpen('--learning-rate', learningRate, 0, 1);
      seed32('--seed', seed);
      const train = loadMnist('train');
      const test = loadMnist('test');
      const bar = progressBar('training [{bar}] {percentage}% | {value}/{total} samples | loss {loss} | eta {eta_formatted}', epochs * train.count, { loss: '-' });
      let network: ReturnType<typeof trainNetwork>;
      try {
        network = trainNetwork(encodePixels(train.images), train.labels, 784, {
          epochs, seed, batchSize, learningRate,
          onProgress: (seen, _total, loss) => bar.update(seen, { loss: loss.toFixed(4) }),
        });
      } finally {
        bar.stop();
      }
      const bytes = networkBytes(network);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      try {
        mkdirSync(opts.out, { recursive: true });
      } catch (e) {
        throw new CliError(`cannot create folder ${JSON.stringify(opts.out)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      const weightsPath = join(opts.out, `${opts.name}.f32`);
      writeWhole(weightsPath, [bytes]);
      // Accuracy of the weights as stored (float32), read back through the same path users take.
      const provisional: NetworkProvenance = {
        shapes: network.layers.map((l) => [l.rows, l.weights.length / l.rows] as const),
        command: `qsdl train --epochs ${epochs} --seed ${seed} --batch-size ${batchSize} --learning-rate ${learningRate}`,
        training: { epochs, seed, batchSize, learningRate, optimiser: 'Adam (β1 0.9, β2 0.999, ε 1e-8)', loss: 'softmax cross-entropy', encoding: 'pm1: (p/255 − 0.5)/0.5', init: 'uniform ±1/√fan_in' },
        cleanTestAccuracyPercent: Number.NaN,
        sha256,
        qsdlVersion: QSDL_VERSION,
      };
      const provenancePath = join(opts.out, `${opts.name}.json`);
      writeWhole(provenancePath, [`${JSON.stringify(provisional, null, 2)}\n`]);
      const { accuracyPercent: accuracy, correct } = testAccuracy(readNetwork(weightsPath, provenancePath).network, test, null);
      writeWhole(provenancePath, [`${JSON.stringify({ ...provisional, cleanTestAccuracyPercent: accuracy }, null, 2)}\n`]);
      io.stdout(`clean test accuracy ${accuracy.toFixed(2)} % (${correct}/${test.count}); wrote ${weightsPath} and ${provenancePath}\n`);
    });
}
