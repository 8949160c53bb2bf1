import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { argmax, encodePixels, loadMnist, networkBytes, noisyForward, readNetwork, trainNetwork } from '../src/index.js';

const WEIGHTS = fileURLToPath(new URL('../weights/mnist-784-784-10.f32', import.meta.url));
const PROVENANCE = fileURLToPath(new URL('../weights/mnist-784-784-10.json', import.meta.url));

describe('training (docs/model.md#accuracy recipe)', () => {
  // A small problem: 600 training images, hidden width 32, 2 epochs.
  const train = loadMnist('train');
  const n = 600;
  const x = encodePixels(train.images.subarray(0, n * 784));
  const y = train.labels.subarray(0, n);

  it('is deterministic under a seed and depends on it', () => {
    const a = trainNetwork(x, y, 784, { hidden: 32, epochs: 1, seed: 5 });
    const b = trainNetwork(x, y, 784, { hidden: 32, epochs: 1, seed: 5 });
    const c = trainNetwork(x, y, 784, { hidden: 32, epochs: 1, seed: 6 });
    expect(networkBytes(a).equals(networkBytes(b))).toBe(true);
    expect(networkBytes(a).equals(networkBytes(c))).toBe(false);
  });

  it('lowers the training loss: the last batches average well below ln 10 (chance)', () => {
    const losses: number[] = [];
    trainNetwork(x, y, 784, { hidden: 32, epochs: 3, batchSize: 16, seed: 1, onProgress: (_s, _t, l) => losses.push(l) });
    const last = losses.slice(-10).reduce((s, l) => s + l, 0) / 10;
    expect(losses[0]).toBeGreaterThan(1.5); // near ln 10 ≈ 2.30 at the start
    expect(last).toBeLessThan(0.5 * Math.LN10);
  });

  it('rejects inconsistent sizes and labels out of range, naming them', () => {
    expect(() => trainNetwork(new Float64Array(10), Uint8Array.from([1]), 784)).toThrow(/inputs must hold labels.length × n = 1 × 784 values; received 10/);
    expect(() => trainNetwork(new Float64Array(4), Uint8Array.from([12]), 4)).toThrow(/label 12 at sample 0 is not a class in \[0, 9\]/);
  });
});

describe('the committed network (weights/)', () => {
  it('gives the clean test accuracy its provenance records, on all 10 000 test images, and at least 97.5 %', () => {
    const { network, provenance } = readNetwork(WEIGHTS, PROVENANCE);
    const test = loadMnist('test');
    let correct = 0;
    const xi = new Float64Array(784);
    for (let i = 0; i < test.count; i += 1) {
      encodePixels(test.images.subarray(i * 784, (i + 1) * 784), 'pm1', xi);
      if (argmax(noisyForward(network, xi, [0, 0], () => 0)) === test.labels[i]) correct += 1;
    }
    expect((100 * correct) / test.count).toBe(provenance.cleanTestAccuracyPercent);
    expect(provenance.cleanTestAccuracyPercent).toBeGreaterThanOrEqual(97.5);
  }, 120_000);

  it('a changed weight file is refused, naming the file and both hashes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsdl-net-'));
    const w = join(dir, 'n.f32');
    const p = join(dir, 'n.json');
    const bytes = networkBytes({ layers: [{ weights: Float64Array.from([1, 2, 3, 4]), rows: 2 }] });
    writeFileSync(w, bytes);
    writeFileSync(p, JSON.stringify({ shapes: [[2, 2]], sha256: 'ab'.repeat(32), command: 'test', cleanTestAccuracyPercent: null }));
    expect(() => readNetwork(w, p)).toThrow(/n\.f32: SHA-256 [0-9a-f]{64} does not match .*n\.json \(abab/);
    expect(readFileSync(w).length).toBe(16);
  });
});
