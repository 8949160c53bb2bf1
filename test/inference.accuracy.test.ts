import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMnist, measurementNoiseFactor, paperRawAccuracy, readNetwork, testAccuracy } from '../src/index.js';

const W = fileURLToPath(new URL('../weights/mnist-784-784-10.f32', import.meta.url));
const P = fileURLToPath(new URL('../weights/mnist-784-784-10.json', import.meta.url));
const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));

describe('optical test accuracy of the committed network (10 000 MNIST test images)', () => {
  const { network, provenance } = readNetwork(W, P);
  const test = loadMnist('test');

  it('with vanishing noise (μ = 1e12) it is the clean accuracy; with almost no light (μ = 1e-6) it is chance (10 % ± 5)', () => {
    expect(testAccuracy(network, test, { model: 'physical', mu: 1e12, gain: 2 }).accuracyPercent).toBe(provenance.cleanTestAccuracyPercent);
    const dark = testAccuracy(network, test, { model: 'physical', mu: 1e-6, gain: 2 }).accuracyPercent;
    expect(dark).toBeGreaterThan(5);
    expect(dark).toBeLessThan(15);
  }, 60_000);

  it('at the paper-2024 point (μ = 4, G = 2, SNR = 2) it matches the authors\' own simulations read at F = 4·SNR, not at F = √SNR', () => {
    // The authors' raw curve at F = 4·SNR = 8 is 97.56 %, at F = √SNR = 1.41 it is 93.1 %. Their network's clean
    // accuracy (~98 %) differs from ours (97.85 %) by a few tenths, hence the 1-point allowance.
    const acc = testAccuracy(network, test, { model: 'physical', mu: 4, gain: 2 }).accuracyPercent;
    const snr = 4 / measurementNoiseFactor(2);
    expect(Math.abs(acc - paperRawAccuracy(4 * snr))).toBeLessThan(1);
    expect(acc - paperRawAccuracy(Math.sqrt(snr))).toBeGreaterThan(3);
  }, 60_000);

  it('qsdl accuracy --json reports the same number in its `accuracy` field, and is reproducible under --seed', () => {
    const run = () => spawnSync(process.execPath, [BIN, 'accuracy', '--mu', '4', '--gain', '2', '--seed', '7', '--json'], { encoding: 'utf8' });
    const r = run();
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { accuracy: number; count: number };
    expect(out.count).toBe(10000);
    expect(out.accuracy).toBe(testAccuracy(network, test, { model: 'physical', mu: 4, gain: 2 }, 7).accuracyPercent);
  }, 60_000);
});
