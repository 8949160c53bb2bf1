import { describe, expect, it } from 'vitest';
import { encodePixels, loadMnist } from '../src/index.js';

describe('pixel encodings (docs/model.md#server-capabilities, docs/model.md#accuracy)', () => {
  it('pm1 maps 0 → −1, 255 → +1, 127.5 → 0; unit maps 0 → 0, 255 → 1', () => {
    expect(Array.from(encodePixels(Uint8Array.from([0, 255, 51])))).toEqual([-1, 1, (51 / 255 - 0.5) / 0.5]);
    expect(Array.from(encodePixels(Uint8Array.from([0, 255, 51]), 'unit'))).toEqual([0, 1, 51 / 255]);
  });

  it('on MNIST test images, unit leaves about 80 % exact zeros, and pm1 turns every one of them (and full ink) into |x| = 1', () => {
    const t = loadMnist('test');
    const img = t.images.subarray(0, 784 * 100);
    const pm1 = encodePixels(img, 'pm1');
    const unit = encodePixels(img, 'unit');
    const share = (xs: Float64Array, f: (v: number) => boolean) => xs.reduce((c, v) => c + (f(v) ? 1 : 0), 0) / xs.length;
    const zeros = share(unit, (v) => v === 0);
    expect(zeros).toBeGreaterThan(0.75);
    expect(zeros).toBeLessThan(0.85);
    // Background pixels (p = 0) are exactly the unit zeros and are −1 in pm1; full ink (p = 255) adds +1s.
    expect(share(pm1, (v) => Math.abs(v) === 1)).toBeGreaterThan(zeros);
  });

  it('an unknown encoding is an error naming the choices', () => {
    expect(() => encodePixels(Uint8Array.from([1]), 'signed' as 'pm1')).toThrow(/pixel encoding must be one of pm1, unit; received "signed"/);
  });
});
