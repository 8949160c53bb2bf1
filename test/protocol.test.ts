import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addedPhotons, channelLoss, effectiveExcessNoise, honestModeExcessNoise, measurementNoiseFactor, outputSnr } from '../src/index.js';
import { relativeError } from './_helpers/fixtures.js';

describe('client measurement noise (docs/model.md#client-measurement)', () => {
  it('DX2(2) = 2 and DX2(1) = ∞', () => {
    expect(measurementNoiseFactor(2)).toBe(2);
    expect(measurementNoiseFactor(1)).toBe(Infinity);
  });
  it('DX2 is smallest at G = 2 + √2, where it equals 2√2 − 1', () => {
    const gStar = 2 + Math.SQRT2;
    expect(relativeError(measurementNoiseFactor(gStar), 2 * Math.SQRT2 - 1)).toBeLessThan(1e-15);
    fc.assert(fc.property(fc.double({ min: 1 + 1e-9, max: 1e6, noNaN: true }), (g) => measurementNoiseFactor(g) >= (2 * Math.SQRT2 - 1) * (1 - 1e-15)));
  });
  it('DX2 → 2 and ε → 2/(f·N) as G → ∞, without overflow (G = 1e308)', () => {
    expect(relativeError(measurementNoiseFactor(1e308), 2)).toBeLessThan(1e-15);
    expect(relativeError(effectiveExcessNoise(1e308, 784), 2 / 392)).toBeLessThan(1e-15);
  });
  it('SNR = μ/DX2(G); zero at G = 1', () => {
    expect(outputSnr(4, 2)).toBe(2);
    expect(outputSnr(4, 1)).toBe(0);
    expect(() => outputSnr(-1, 2)).toThrow(/mean photon number mu .* received -1/);
    expect(() => measurementNoiseFactor(0.9)).toThrow(/gain G must be a finite number in \[1, ∞\); received 0.9/);
  });
});

describe('added photons k = (G − 1)/G (docs/model.md#returned-noise)', () => {
  it('addedPhotons(G) is the quotient (G − 1)/G bit for bit, 0 at G = 1, in [0, 1] for every finite G (1 only once G − 1 rounds to G)', () => {
    expect(Object.is(addedPhotons(1), 0)).toBe(true);
    expect(addedPhotons(2)).toBe(0.5);
    fc.assert(fc.property(fc.double({ min: 1, max: 1e300, noNaN: true }), (g) => {
      expect(Object.is(addedPhotons(g), (g - 1) / g)).toBe(true);
      expect(addedPhotons(g)).toBeGreaterThanOrEqual(0);
      expect(addedPhotons(g)).toBeLessThanOrEqual(g - 1 === g ? 1 : 1 - Number.EPSILON / 2);
    }));
  });
  it('the honest noise formulas are written with it: ε = 2k/(f·N) and ε_j = 2k·x̂_j², bit for bit', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 4096 }), fc.double({ min: -1, max: 1, noNaN: true }), (g, n, x) => {
      expect(Object.is(effectiveExcessNoise(g, n, 0.5), (2 * addedPhotons(g)) / (0.5 * n))).toBe(true);
      expect(Object.is(honestModeExcessNoise(g, x), 2 * addedPhotons(g) * x * x)).toBe(true);
    }));
  });
  it('a gain below 1, infinite, NaN or not a number is an error naming G, its range and the value', () => {
    expect(() => addedPhotons(0.5)).toThrow(RangeError);
    expect(() => addedPhotons(0.5)).toThrow(/gain G must be a finite number in \[1, ∞\); received 0.5/);
    expect(() => addedPhotons(Infinity)).toThrow(RangeError);
    expect(() => addedPhotons(Number.NaN)).toThrow(/received NaN/);
    expect(() => addedPhotons('2' as unknown as number)).toThrow(TypeError);
  });
});

describe('honest excess noise (docs/model.md#returned-noise)', () => {
  it('ε_j = 2(G−1)/G·x̂_j² sums to 2(G−1)/G over a unit vector', () => {
    const x = [0.6, -0.8, 0];
    const total = x.reduce((s, v) => s + honestModeExcessNoise(1.5, v), 0);
    expect(relativeError(total, (2 * 0.5) / 1.5)).toBeLessThan(1e-15);
  });
  it('effective ε = 2(G−1)/(G·f·N): 1/392 at G = 2, N = 784, f = ½', () => {
    expect(relativeError(effectiveExcessNoise(2, 784), 1 / 392)).toBeLessThan(1e-15);
    expect(effectiveExcessNoise(1, 784)).toBe(0);
    expect(relativeError(effectiveExcessNoise(2, 784, 1), 1 / 784)).toBeLessThan(1e-15);
  });
  it('validation names the parameter', () => {
    expect(() => honestModeExcessNoise(2, 1.5)).toThrow(/normalised data component x̂_j must be a number in \[-1, 1\]; received 1.5/);
    expect(() => effectiveExcessNoise(2, 784, 1.5)).toThrow(/active fraction f must be a number in \(0, 1\]; received 1.5/);
  });
});

describe('channel loss', () => {
  it('T, L and dB name the same channel; tiny dB keeps its digits (1e-12 dB → L ≈ 2.3026e-13)', () => {
    expect(channelLoss({ transmittance: 0.25 })).toBe(0.75);
    expect(channelLoss({ loss: 0.75 })).toBe(0.75);
    expect(relativeError(channelLoss({ lossDb: 10 * Math.log10(4) }), 0.75)).toBeLessThan(1e-15);
    expect(relativeError(channelLoss({ lossDb: 1e-12 }), (1e-12 * Math.LN10) / 10)).toBeLessThan(1e-12);
    expect(channelLoss({})).toBe(0);
  });
});
