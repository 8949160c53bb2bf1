// The rank-one cloner (src/attacks/catalogue/rankOneCloner.ts, proofs/row-total-test.md §8) and the row-total
// detection that the client accounting adds to every outcome built by clientOutcome (proofs/row-total-test.md §7).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTACKS, holevoWeightLeak, holevoWeightLeakDecimal, rowTotalTest, runAttack, type RowPhotonLaw } from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';

const rankOne = (photons: number): RowPhotonLaw => ({ thermal: [{ photons, modes: 1 }] });

describe('rank-one-cloner: what it learns (proofs/attacks.md §3.4)', () => {
  it('at the paper-2024 point it learns [χ_W(4, 1, 1) + 783·χ_W(4, 1, 0)]/784 = 0.00354 bit per weight symbol, against the per-mode cloner\'s 0.04369', () => {
    const r = runAttack('rank-one-cloner');
    // χ_W(μ, T = 1, 0) = 0 exactly; χ_W(4, 1, ε = 2k = 1) from the 50-digit reference (an independent implementation).
    const alongXhat = holevoWeightLeakDecimal(4, 0, 1).toNumber();
    expect(relativeError(r.bitsPerSymbol, alongXhat / 784)).toBeLessThan(1e-12);
    expect(Math.abs(r.bitsPerSymbol - 0.00354)).toBeLessThan(5e-6); // proofs/attacks.md §3.4 quotes 0.00354
    expect(relativeError(r.details.perModeClonerBitsPerSymbol as number, runAttack('entangling-cloner').bitsPerSymbol)).toBeLessThan(1e-9);
    expect(Math.abs((r.details.perModeClonerBitsPerSymbol as number) - 0.04369)).toBeLessThan(5e-6);
    expect(r.kind).toBe('holevo');
    expect(r.optimal).toBe(false);
  });

  it('with loss and technical noise: [χ_W(μ, T, 2k + ε_t) + (N − 1)·χ_W(μ, T, ε_t)]/N, the rotated frame\'s per-mode channels', () => {
    fc.assert(fc.property(logUniform(1e-2, 1e3), fc.double({ min: 0.05, max: 1, noNaN: true }), logUniform(1e-6, 20).map((d) => 1 + d), fc.oneof(fc.constant(0), logUniform(1e-6, 0.5)), fc.integer({ min: 1, max: 4096 }), (mu, t, gain, tech, inputs) => {
      const r = runAttack('rank-one-cloner', { mu, transmittance: t, gain, technicalNoise: tech, inputs, activeFraction: 1 });
      const k = (gain - 1) / gain;
      const expected = (holevoWeightLeak({ mu, loss: 1 - t, excessNoise: 2 * k + tech }) + (inputs - 1) * holevoWeightLeak({ mu, loss: 1 - t, excessNoise: tech })) / inputs;
      expect(relativeError(r.bitsPerSymbol, expected)).toBeLessThan(1e-12);
    }), { numRuns: 200 });
  });

  it('learns at most what the per-mode cloner learns (concavity of χ_W in ε), and exactly as much when one input is active (p·N = 1)', () => {
    fc.assert(fc.property(logUniform(1e-3, 1e3), fc.double({ min: 0.05, max: 1, noNaN: true }), logUniform(1e-6, 1e3).map((d) => 1 + d), fc.oneof(fc.constant(0), logUniform(1e-8, 10)), fc.integer({ min: 1, max: 1e5 }), fc.double({ min: 0, max: 1, noNaN: true }), (mu, t, gain, tech, inputs, f) => {
      const activeFraction = Math.max(1 / inputs, f);
      fc.pre(activeFraction * inputs >= 1);
      const r = runAttack('rank-one-cloner', { mu, transmittance: t, gain, technicalNoise: tech, inputs, activeFraction });
      const perMode = r.details.perModeClonerBitsPerSymbol as number;
      expect(r.bitsPerSymbol).toBeLessThanOrEqual(perMode * (1 + 1e-12) + 1e-300);
      expect(perMode).toBe(r.boundBitsPerSymbol); // the bound at what the server sees is the per-mode cloner's figure
    }), { numRuns: 300 });
    const single = runAttack('rank-one-cloner', { inputs: 784, activeFraction: 1 / 784 });
    expect(relativeError(single.bitsPerSymbol, single.details.perModeClonerBitsPerSymbol as number)).toBeLessThan(1e-13);
  });

  it('is registered right after colluding-clients', () => {
    const names = ATTACKS.map((a) => a.name);
    expect(names.indexOf('rank-one-cloner')).toBe(names.indexOf('colluding-clients') + 1);
  });
});

describe('rank-one-cloner: what the server sees', () => {
  it('neither test sees more than an honest client: the per-mode and the row-total detection are the honest false alarms, for every m', () => {
    // m up to 1e9 (the contract's range): the per-mode test's χ² quantile takes ~0.1 s per call beyond.
    fc.assert(fc.property(fc.integer({ min: 2, max: 1e9 }), logUniform(1e-12, 0.5), logUniform(1e-6, 20).map((d) => 1 + d), fc.oneof(fc.constant(0), logUniform(1e-6, 0.5)), (samples, delta, gain, tech) => {
      const c = { samples, delta, gain, technicalNoise: tech };
      const r = runAttack('rank-one-cloner', c);
      const h = runAttack('honest', c);
      expect(r.detectionProbability).toBe(h.detectionProbability);
      expect(r.details.rowTotalDetection).toBe(h.details.rowTotalDetection);
      expect(r.details.rowTotalDetection as number).toBeLessThanOrEqual(delta);
    }), { numRuns: 200 });
  });

  it('the per-mode cloner it is compared with is caught by the row-total test: 0.909 in one inference (m = 784), 1 in 100 (m = 78 400), δ = 1e-6', () => {
    const one = runAttack('rank-one-cloner', { samples: 784 });
    const hundred = runAttack('rank-one-cloner', { samples: 78400 });
    // The per-mode cloner's row law: k/n photons on each of the n = 392 active modes (negative binomial, shape n).
    const direct = rowTotalTest({ rows: 784, delta: 1e-6, honest: rankOne(0.5), actual: { thermal: [{ photons: 0.5 / 392, modes: 392 }, { photons: 0, modes: 392 }], coherentPhotons: 0 } }).probability;
    expect(relativeError(one.details.perModeClonerRowTotalDetection as number, direct)).toBeLessThan(1e-12);
    expect(Math.abs(direct - 0.909)).toBeLessThan(1e-3);
    expect(hundred.details.perModeClonerRowTotalDetection).toBe(1);
    expect(one.details.rowTotalDetection as number).toBeLessThan(1e-6);
  });
});

describe('row-total detection of the other client attacks (proofs/row-total-test.md §7)', () => {
  it('every attack built by the client accounting reports it, with its row-noise shape, in [0, 1] over the configuration domain', () => {
    const names = ['honest', 'greedy-gain', 'tap-and-claim-loss', 'measure-all', 'entangling-cloner', 'rank-one-cloner'];
    fc.assert(fc.property(fc.constantFrom(...names), logUniform(1e-3, 1e3), fc.oneof(fc.constant(1), logUniform(1e-12, 1e6 - 1).map((d) => 1 + d)), fc.integer({ min: 2, max: 1e9 }), logUniform(1e-12, 0.5), fc.integer({ min: 1, max: 1e5 }), (name, mu, gain, samples, delta, inputs) => {
      const r = runAttack(name, { mu, gain: name === 'greedy-gain' ? Math.min(gain, 3) : gain, samples, delta, inputs });
      const p = r.details.rowTotalDetection as number;
      expect(Number.isFinite(p) && p >= 0 && p <= 1).toBe(true);
      expect(typeof r.details.rowNoiseShape).toBe('string');
    }), { numRuns: 200 });
  });

  it('greedy gain: rank one with k_a = (G_a − 1)/G_a photons, caught by the mean test (0.763 at m = 784, 1 at m = 78 400)', () => {
    const ga = 2 + Math.SQRT2;
    const ka = (ga - 1) / ga;
    const one = runAttack('greedy-gain', { samples: 784 });
    const direct = rowTotalTest({ rows: 784, delta: 1e-6, honest: rankOne(0.5), actual: rankOne(ka) });
    expect(relativeError(one.details.rowTotalDetection as number, direct.probability)).toBeLessThan(1e-12);
    expect(Math.abs(direct.probability - 0.763)).toBeLessThan(1e-3);
    expect(direct.meanTest.probability).toBeGreaterThan(0.99 * direct.probability);
    expect(runAttack('greedy-gain', { samples: 78400 }).details.rowTotalDetection).toBe(1);
  });

  it('tap-and-claim-loss: the displacement removed at the declared T leaves (1 − √(1 − τ))²·N·μ coherent photons per row, which the mean test catches', () => {
    const tau = 1e-4;
    const residual = (1 - Math.sqrt(1 - tau)) ** 2 * 784 * 4; // 7.8e-6 photons per row: too few to see in 784 rows
    const r = runAttack('tap-and-claim-loss', { samples: 784 }, { tap: tau });
    const direct = rowTotalTest({ rows: 784, delta: 1e-6, honest: rankOne(0.5), actual: { thermal: [{ photons: 0.5, modes: 1 }], coherentPhotons: residual } });
    expect(relativeError(r.details.rowTotalDetection as number, direct.probability)).toBeLessThan(1e-9);
    expect(runAttack('tap-and-claim-loss', { samples: 784 }).details.rowTotalDetection).toBe(1); // τ = 0.1: 8.2 photons per row
  });

  it('measure-all: 1 + ε_t/2 photons on every mode whatever the shape, caught for sure; the honest client with technical noise stays at the false alarm', () => {
    expect(runAttack('measure-all', { samples: 784 }).details.rowTotalDetection).toBe(1);
    const h = runAttack('honest', { samples: 784, technicalNoise: 0.01 });
    expect(h.details.rowTotalDetection as number).toBeLessThanOrEqual(1e-6);
    expect(h.details.rowNoiseShape).toBe('rank-one');
  });
});
