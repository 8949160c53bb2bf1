// Interferometric counting (docs/model.md#server-capabilities, proofs/interferometric-counting.md):
// a closed form on a two-pixel ensemble (which also equals the brute-force joint Holevo quantity,
// so counting after a 50:50 splitter is optimal there), the bounds on MNIST, and how far it
// exceeds per-mode counting under the paper's pm1 encoding.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { holevoSubadditiveDataLeak, holevoSymmetricDataLeak, isInputError, pairCountInformation, runAttack, type MnistSplit } from '../src/index.js';
import { fockHolevo } from './_helpers/fockHolevo.js';
import { expectEachInputError } from './_helpers/photonBlockReference.js';
import { runQsdl } from './_helpers/sandbox.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A 1 × 2 "image" split alternating (255, 255) and (255, 0): under pm1, x̂ = (1, 1)/√2 and (1, −1)/√2. */
function twoPixelSplit(count: number): MnistSplit {
  const images = new Uint8Array(2 * count);
  for (let i = 0; i < count; i += 1) {
    images[2 * i] = 255;
    images[2 * i + 1] = i % 2 === 0 ? 255 : 0;
  }
  return { count, rows: 1, cols: 2, images, labels: new Uint8Array(count) };
}

describe('interferometric counting: pairs of pixels on 50:50 splitters', () => {
  it('closed form: x̂ = (1, ±1)/√2 equally likely; the ports name the sign whenever a photon is seen: 1 − (1 + ηk)^−M bits per pair, the joint Holevo quantity, while each mode alone carries 0', () => {
    const split = twoPixelSplit(20000);
    for (const [gain, rows, efficiency] of [[2, 1, 1], [1.2, 3, 1], [2, 2, 0.5]] as const) {
      const k = (gain - 1) / gain;
      const r = pairCountInformation({ interferometer: 'adjacent-pairs', encoding: 'pm1', gain, rows, efficiency, test: split, training: split, seed: 7 });
      const exact = -Math.expm1(-rows * Math.log1p(efficiency * k)) / 2; // per pixel
      expect(Math.abs(r.bitsPerPixel - exact)).toBeLessThan(5 * r.standardError + 1e-4);
      if (efficiency === 1) {
        const joint = fockHolevo([[Math.SQRT1_2, Math.SQRT1_2], [Math.SQRT1_2, -Math.SQRT1_2]].map((x, message) => ({ probability: 0.5, message, rows: new Array<number[]>(rows).fill(x) })), k, 12);
        expect(Math.abs(2 * exact - joint.bits)).toBeLessThanOrEqual(joint.droppedMass + 1e-12);
      }
    }
  });

  it('on MNIST (pm1 and unit, G = 1.2 and 2, 1000 images): below the subadditive bound (proved for pairs) and the photon-number bound; under pm1 far above per-mode counting', () => {
    for (const gain of [1.2, 2]) {
      for (const encoding of ['pm1', 'unit'] as const) {
        const r = runAttack('interferometric-counting', { gain }, { encoding, images: 1000 });
        expect(r.kind).toBe('achieved');
        expect(r.bitsPerSymbol).toBeGreaterThan(0);
        expect(r.bitsPerSymbol).toBeLessThanOrEqual(holevoSubadditiveDataLeak(gain, 784, 784));
        expect(r.bitsPerSymbol).toBeLessThanOrEqual(holevoSymmetricDataLeak(gain, 784, 784));
        expect(r.details.recognitionRate as number).toBeGreaterThan(0.3);
        if (encoding === 'pm1') {
          const perMode = runAttack('displace-and-count', { gain }, { method: 'monte-carlo', encoding, images: 1000 });
          expect(r.bitsPerSymbol).toBeGreaterThan(10 * (perMode.details.estimate as number));
        }
      }
    }
  });

  it('the fitted interferometer reads more than a random or an adjacent pairing under pm1 (G = 2, 2000 images)', () => {
    const bits = (network: string) => runAttack('interferometric-counting', { gain: 2 }, { network, images: 2000 }).details.estimate as number;
    const fitted = bits('fitted-pairs');
    expect(fitted).toBeGreaterThan(bits('random-pairs'));
    expect(fitted).toBeGreaterThan(bits('adjacent-pairs'));
  });

  it('bad input names the parameter: an unknown interferometer, one image, an odd number of pixels', () => {
    const bad = [
      () => pairCountInformation({ interferometer: 'triangles' as never, gain: 2 }),
      () => pairCountInformation({ interferometer: 'random-pairs', gain: 2, images: 1 }),
      () => pairCountInformation({ interferometer: 'random-pairs', gain: 2, test: { count: 2, rows: 1, cols: 3, images: new Uint8Array(6).fill(9), labels: new Uint8Array(2) }, training: { count: 2, rows: 1, cols: 3, images: new Uint8Array(6).fill(9), labels: new Uint8Array(2) } }),
    ];
    expectEachInputError(bad, isInputError, expect);
  });

  it('qsdl attack run interferometric-counting --encoding pm1 --gain 2 --json: bits per symbol and recognition rate measured on MNIST, kind achieved, within the photon-number bound', async () => {
    const r = await runQsdl(['attack', 'run', 'interferometric-counting', '--encoding', 'pm1', '--gain', '2', '--images', '2000', '--json'], ROOT);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { bitsPerSymbol: number; recognitionRate: number; kind: string; photonNumberBoundBitsPerSymbol: number; network: string };
    expect(j.kind).toBe('achieved');
    expect(j.network).toBe('fitted-pairs');
    expect(j.bitsPerSymbol).toBeGreaterThan(0.1);
    expect(j.bitsPerSymbol).toBeLessThan(j.photonNumberBoundBitsPerSymbol);
    expect(j.recognitionRate).toBeGreaterThan(0.5);
    const bad = await runQsdl(['attack', 'run', 'interferometric-counting', '--network', 'nosuch'], ROOT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/network .* must be one of random-pairs, adjacent-pairs, fitted-pairs; received "nosuch"/);
  });
});
