// Whole-network server bounds (docs/model.md#server-capabilities, proofs/network-bounds.md): the
// chain-rule sum of one-layer Holevo bounds, checked against a brute-force Fock-space Holevo
// quantity of tiny two-layer networks (test/_helpers/fockHolevo.ts, which uses no formula of the
// bound code), a closed form, and a 60-digit photon-block sum for the technical photons.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { committedNetwork, holevoSubadditiveDataLeak, holevoSymmetricDataLeak, isInputError, networkDataLeakBound, type LayerShape } from '../src/index.js';
import { fockHolevo, type FockMember } from './_helpers/fockHolevo.js';
import { relativeError } from './_helpers/fixtures.js';
import { expectEachInputError, photonBlockReference } from './_helpers/photonBlockReference.js';
import { runQsdl } from './_helpers/sandbox.js';

/** The project root: the committed network is found from here. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const photons = (gain: number) => (gain - 1) / gain;
const unit = (v: readonly number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const relu = (w: readonly (readonly number[])[], x: readonly number[]) => w.map((row) => Math.max(0, row.reduce((s, wi, j) => s + wi * x[j]!, 0)));
/** Photon numbers per row kept by the brute force: the dropped mass is below rows·q^(MAX + 1) ≤ 4·(1/3)^11 ≈ 2e-5 at G ≤ 2. */
const MAX_PHOTONS = 10;

/** Members for a two-layer network: rows 1…M1 carry x̂, rows M1 + 1 … carry the direction of ReLU(W1·x + noise). */
function twoLayerMembers(xs: readonly (readonly number[])[], w1: readonly (readonly number[])[], rows2: number, noises: readonly (readonly number[])[] = [[0, 0]]): FockMember[] {
  const out: FockMember[] = [];
  xs.forEach((x, message) => {
    const xh = unit(x);
    for (const noise of noises) {
      const h = relu(w1, xh).map((v, i) => v + (noise[i] ?? 0));
      const hh = unit(h.map((v) => Math.max(0, v)));
      out.push({ probability: 1 / (xs.length * noises.length), message, rows: [...w1.map(() => xh), ...new Array<number[]>(rows2).fill(hh)] });
    }
  });
  return out;
}

describe('whole-network server bound: Σ_l χ_l (chain rule), against brute-force Fock-space Holevo quantities', () => {
  it('closed form: layer 1 reads the axis of x ∈ {±e1, ±e2}, layer 2 (W1 = [[1, 1], [−1, −1]]) its sign; joint χ = [1 − (1 + k)^−M1] + [1 − (1 + k)^−M2] bits, above the layer-1 bound alone', () => {
    for (const [gain, rows2] of [[1.05, 2], [1.2, 1], [2, 2]] as const) {
      const k = photons(gain);
      const xs = [[1, 0], [0, 1], [-1, 0], [0, -1]];
      const w1 = [[1, 1], [-1, -1]];
      const members = twoLayerMembers(xs, w1, rows2);
      const joint = fockHolevo(members, k, MAX_PHOTONS);
      const expected = -Math.expm1(-2 * Math.log1p(k)) - Math.expm1(-rows2 * Math.log1p(k));
      expect(Math.abs(joint.bits - expected)).toBeLessThanOrEqual(joint.droppedMass * 2 + 1e-12);
      const shapes: LayerShape[] = [{ inputs: 2, rows: 2 }, { inputs: 2, rows: rows2 }];
      const bound = networkDataLeakBound({ gain, layers: shapes });
      expect(joint.bits).toBeLessThanOrEqual(bound.totalBits);
      // the first layer's bound alone does not cover the network (at small k: O(k²) slack against O(k) from layer 2)
      if (gain < 1.5) expect(joint.bits).toBeGreaterThan(bound.layers[0]!.totalBits);
    }
  });

  it('theorem: for random tiny networks (N1 ≤ 3, M ≤ 2) and priors, with or without client noise in the activations, χ(x; all rows) ≤ Σ_l χ_l and χ(x; layer 1) ≤ χ_1', () => {
    // entries on a grid of 0.01 (fc.double favours tiny magnitudes, which would make most directions degenerate)
    const vec = (n: number) => fc.array(fc.integer({ min: -100, max: 100 }).map((i) => i / 100), { minLength: n, maxLength: n });
    const arb = fc.integer({ min: 2, max: 3 }).chain((n1) => fc.record({
      n1: fc.constant(n1),
      rows2: fc.integer({ min: 1, max: 2 }),
      gain: fc.double({ min: 1.01, max: 2, noNaN: true }),
      w1: fc.array(vec(n1), { minLength: 2, maxLength: 2 }),
      xs: fc.array(vec(n1), { minLength: 2, maxLength: 4 }),
      noisy: fc.boolean(),
      model: fc.constantFrom('holevo-symmetric' as const, 'holevo-subadditive' as const),
    }));
    fc.assert(
      fc.property(arb, ({ n1, rows2, gain, w1, xs, noisy, model }) => {
        fc.pre(xs.every((x) => Math.hypot(...x) > 0.1 && Math.hypot(...relu(w1, unit(x))) > 0.1));
        const k = photons(gain);
        const noises = noisy ? [[0.05, -0.05], [-0.05, 0.05]] : [[0, 0]];
        const members = twoLayerMembers(xs, w1, rows2, noises);
        const joint = fockHolevo(members, k, MAX_PHOTONS);
        const first = fockHolevo(members.map((m) => ({ ...m, rows: m.rows.slice(0, 2) })), k, MAX_PHOTONS);
        const bound = networkDataLeakBound({ gain, layers: [{ inputs: n1, rows: 2 }, { inputs: 2, rows: rows2 }], model });
        const slack = joint.droppedMass * Math.log2(xs.length);
        expect(joint.bits).toBeLessThanOrEqual(bound.totalBits + slack + 1e-12);
        expect(first.bits).toBeLessThanOrEqual(bound.layers[0]!.totalBits + slack + 1e-12);
        expect(joint.bits + 1e-12).toBeGreaterThanOrEqual(first.bits - slack);
      }),
      { numRuns: 25 },
    );
  });

  it('interfering modes: N = 2, x̂ = (1, ±1)/√2 has per-mode Holevo quantity 0 but joint 1 − (1 + k)^−M; the one-layer bounds cover it', () => {
    for (const [gain, rows] of [[1.2, 1], [2, 1], [2, 2]] as const) {
      const k = photons(gain);
      const s = Math.SQRT1_2;
      const members: FockMember[] = [[s, s], [s, -s]].map((x, message) => ({ probability: 0.5, message, rows: new Array<number[]>(rows).fill(x) }));
      const joint = fockHolevo(members, k, MAX_PHOTONS);
      expect(Math.abs(joint.bits - -Math.expm1(-rows * Math.log1p(k)))).toBeLessThanOrEqual(joint.droppedMass + 1e-12);
      // each mode alone: a thermal state with k/2 photons for both messages
      const perMode = fockHolevo(members.map((m) => ({ ...m, rows: m.rows.map((x) => [Math.abs(x[0]!)]) })), k / 2, MAX_PHOTONS);
      expect(perMode.bits).toBeLessThan(1e-12);
      expect(joint.bits).toBeLessThanOrEqual(holevoSymmetricDataLeak(gain, 2, rows) * 2 + 1e-12);
    }
  });

  it('the committed 784-784-10 network: two layers, each its own one-layer bound, summed per data symbol (G = 1.2 and 2)', () => {
    for (const gain of [1.2, 2]) {
      const r = networkDataLeakBound({ gain, layers: committedNetwork().network });
      expect(r.layers.map((l) => [l.inputs, l.rows])).toEqual([[784, 784], [784, 10]]);
      expect(r.layers[0]!.bits).toBe(holevoSymmetricDataLeak(gain, 784, 784));
      expect(relativeError(r.layers[1]!.bits, holevoSymmetricDataLeak(gain, 784, 10))).toBeLessThan(1e-15);
      expect(relativeError(r.bits, r.layers[0]!.bits + r.layers[1]!.bits)).toBeLessThan(1e-15);
      const sub = networkDataLeakBound({ gain, layers: committedNetwork().network, model: 'holevo-subadditive' });
      expect(relativeError(sub.layers[1]!.bits, holevoSubadditiveDataLeak(gain, 784, 10))).toBeLessThan(1e-15);
    }
    // the review's figures: the second layer adds about 0.019 (G = 1.2) and 0.051 (G = 2) bit per input symbol
    expect(networkDataLeakBound({ gain: 2, layers: committedNetwork().network }).layers[1]!.bits).toBeCloseTo(0.051, 2);
    expect(networkDataLeakBound({ gain: 1.2, layers: committedNetwork().network }).layers[1]!.bits).toBeCloseTo(0.019, 2);
  });

  it('bad input names the parameter: sizes that do not chain, no layers, technical photons out of [0, 100], unknown model', () => {
    const bad = [
      () => networkDataLeakBound({ gain: 2, layers: [{ inputs: 4, rows: 3 }, { inputs: 2, rows: 1 }] }),
      () => networkDataLeakBound({ gain: 2, layers: [] }),
      () => networkDataLeakBound({ gain: 2, layers: [{ inputs: 4, rows: 3 }], technicalPhotons: -1 }),
      () => networkDataLeakBound({ gain: 2, layers: [{ inputs: 4, rows: 3 }], technicalPhotons: 101 }),
      () => networkDataLeakBound({ gain: 0.5, layers: [{ inputs: 4, rows: 3 }] }),
      () => networkDataLeakBound({ gain: 2, layers: [{ inputs: 4.5, rows: 3 }] }),
      () => networkDataLeakBound({ gain: 2, layers: [{ inputs: 4, rows: 3 }], model: 'counting' as never }),
    ];
    expectEachInputError(bad, isInputError, expect);
    expect(() => networkDataLeakBound({ gain: 2, layers: [{ inputs: 4, rows: 3 }, { inputs: 2, rows: 1 }] })).toThrow(/layer 2 takes 2 inputs but layer 1 gives 3 outputs/);
    expect(() => networkDataLeakBound({ gain: 2, layers: [{ inputs: 4, rows: 3 }], technicalPhotons: 101 })).toThrow(/technical photons t .* \[0, 100\]; received 101/);
  });
});

describe('technical noise along x̂ raises k to k + t in the server bounds', () => {
  it('holevo-symmetric at (G, t) equals the 60-digit photon-block sum at k + t, for t up to 100 photons', () => {
    for (const [gain, t, n, m] of [[2, 0.1, 784, 784], [1.2, 1, 10, 3], [2, 100, 784, 10], [1 + 1e-9, 3, 50, 50], [1, 0.25, 784, 784]] as const) {
      const D60 = Decimal.clone({ precision: 60 });
      const k = new D60(gain - 1).div(gain).plus(t);
      expect(relativeError(holevoSymmetricDataLeak(gain, n, m, t), photonBlockReference(k, n, m, '1e-40'))).toBeLessThan(1e-13);
    }
  });

  it('both bounds are non-decreasing in t, and t = 0 is the amplifier alone', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (gain, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(holevoSymmetricDataLeak(gain, 784, 10, lo)).toBeLessThanOrEqual(holevoSymmetricDataLeak(gain, 784, 10, hi) * (1 + 1e-14));
        expect(holevoSubadditiveDataLeak(gain, 784, 10, lo)).toBeLessThanOrEqual(holevoSubadditiveDataLeak(gain, 784, 10, hi) * (1 + 1e-14));
      }),
      { numRuns: 100 },
    );
    expect(holevoSymmetricDataLeak(2, 784, 784, 0)).toBe(holevoSymmetricDataLeak(2, 784, 784));
  });
});

describe('qsdl leak data --model holevo-*: the whole network unless --inputs/--rows name one layer', () => {
  it('--gain 2 --json lists both layers of the committed network and their sum; --inputs gives the one-layer figure of before', async () => {
    const r = await runQsdl(['leak', 'data', '--model', 'holevo-symmetric', '--gain', '2', '--json'], ROOT);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { scope: string; bits: number; layers: { inputs: number; rows: number; bits: number }[]; networkSource: string };
    expect(j.scope).toBe('network');
    expect(j.networkSource).toBe('committed');
    expect(j.layers.map((l) => [l.inputs, l.rows])).toEqual([[784, 784], [784, 10]]);
    expect(relativeError(j.bits, holevoSymmetricDataLeak(2, 784, 784) + holevoSymmetricDataLeak(2, 784, 10))).toBeLessThan(1e-14);
    const one = await runQsdl(['leak', 'data', '--model', 'holevo-symmetric', '--gain', '2', '--inputs', '784', '--json'], ROOT);
    expect((JSON.parse(one.stdout) as { scope: string; bits: number }).bits).toBe(holevoSymmetricDataLeak(2, 784, 784));
    const named = await runQsdl(['leak', 'data', '--model', 'holevo-subadditive', '--gain', '1.2', '--technical-photons', '0.5', '--network', 'weights/mnist-784-784-10.json', '--json'], ROOT);
    expect(named.code).toBe(0);
    expect((JSON.parse(named.stdout) as { bits: number }).bits).toBeCloseTo(holevoSubadditiveDataLeak(1.2, 784, 784, 0.5) + holevoSubadditiveDataLeak(1.2, 784, 10, 0.5), 12);
  });

  it('--network where no whole-network bound is computed, and --technical-photons with a model that is not a bound, are one-line errors (exit 2)', async () => {
    for (const args of [
      ['--model', 'counting', '--gain', '2', '--network', 'weights/mnist-784-784-10.json'],
      ['--model', 'holevo-symmetric', '--gain', '2', '--rows', '10', '--network', 'weights/mnist-784-784-10.json'],
      ['--model', 'counting', '--gain', '2', '--technical-photons', '1'],
      ['--model', 'holevo-symmetric', '--gain', '2', '--technical-photons', '1000'],
    ]) {
      const r = await runQsdl(['leak', 'data', ...args], ROOT);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
