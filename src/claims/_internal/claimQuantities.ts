/**
 * Which quantities decide a leakage claim, with the monotonicity each one has in every
 * dimension (proved in proofs/certified-evaluation.md §4; a dimension absent from
 * `directions` does not enter the quantity).
 * @internal
 */
import type { LeakageClaim } from '../claim.js';
import type { Box, DimensionName, Point } from '../dimensions.js';
import { boundPhotonsEnclosure, displaceAndCountEnclosure, holevoWeightEnclosure, networkSubadditiveEnclosure, paperCramerRaoEnclosure, paperRevisedEnclosure } from './enclosures.js';
import { add, divPos, exact, log, mulPos, sqrtPos, sub, type Interval } from './interval64.js';

/** What a number is, which decides what it can prove (docs/claims.md#verdicts). */
export type QuantityKind = 'holevo-exact' | 'bound' | 'achieved' | 'model';

/** One quantity with its enclosure at a point and its monotone directions. */
export interface ClaimQuantity {
  /** Its name in certificates (the checker has its own implementation of each). */
  readonly name: 'chi-w' | 'chi-w-concentrated' | 'chi-w-half' | 'network-subadditive' | 'layer-subadditive' | 'displace-and-count' | 'paper-2024-cramer-rao' | 'paper-2025-revised';
  readonly kind: QuantityKind;
  /** +1: non-decreasing in the dimension; −1: non-increasing. */
  readonly directions: Readonly<Partial<Record<DimensionName, 1 | -1>>>;
  /** Dimensions the quantity does not depend on at all. A region may vary only dimensions in `directions` or here. */
  readonly independent: readonly DimensionName[];
  /** A rigorous enclosure at a point (bits per symbol). */
  readonly at: (p: Point) => Interval;
  /** Whether the quantity is defined on the whole box (an achieved attack may not be). */
  readonly appliesTo: (box: Box) => boolean;
}

/** The quantity that decides `holds` (a bound or an exact value) and the one that decides `fails` (exact, achieved or model), if any. */
export interface ClaimQuantities {
  readonly upper: ClaimQuantity;
  readonly lower: ClaimQuantity | null;
}

const always = (): boolean => true;

/**
 * The finite-size factor c = 1/(1 − 2√(ln(1/δ)/(m − 1))) ≥ 1 (Laurent–Massart lower tail of
 * χ²_{m−1}), enclosed; ε_fs = (1 + ε)·c − 1 (proofs/certified-evaluation.md §4).
 */
function finiteSizeFactor(fs: LeakageClaim['finiteSize']): Interval | null {
  if (fs === undefined) return null;
  const lnInv = log(exact(fs.delta));
  const s = sqrtPos(divPos([-lnInv[1], -lnInv[0]], exact(fs.samples - 1)));
  return divPos(exact(1), sub(exact(1), mulPos(exact(2), s)));
}

/**
 * ε = 2(G − 1)/(G·f·N) + ε_tech enclosed, then, if the claim sets a finite size, the upper
 * limit the server infers through a detector of efficiency η: ε_fs = ε·c + (c − 1)/η, which
 * is ((1 + η·ε)·c − 1)/η written as a sum of non-negative terms (the detected excess noise is
 * η·ε; proofs/certified-evaluation.md §4.7). Without a finite size η does not enter.
 */
function weightNoise(p: Point, f: number, c: Interval | null): Interval {
  const k = divPos(sub(exact(p.gain), exact(1)), exact(p.gain));
  const eps = add(divPos(mulPos(exact(2), k), mulPos(exact(f), exact(p.inputs))), exact(p.technicalNoise));
  return c === null ? eps : add(mulPos(eps, c), divPos(sub(c, exact(1)), exact(p.efficiency)));
}

/** Q·K·μ: Q inferences by K clients see Q·K copies of |αw⟩, one coherent state of Q·K·μ photons (proofs/certified-evaluation.md §4.1). */
function composedMu(p: Point): Interval {
  return mulPos(mulPos(exact(p.mu), exact(p.queries)), exact(p.clients));
}

/**
 * χ_W of the composed state: Q·K·μ photons, and either the per-use noise ε (every use through
 * its own channel: the Holevo quantity of the entangling cloner run on each use) or Q·K·ε (every
 * copy's noise concentrated on the signal mode, which per-copy monitoring cannot tell apart:
 * the upper bound, proofs/attacks.md §8.3). The two coincide at Q = K = 1.
 */
function chiW(f: number, c: Interval | null, scale: number, concentrated = false): (p: Point) => Interval {
  return (p) => {
    const eps = weightNoise(p, f, c);
    const noise = concentrated ? mulPos(eps, mulPos(exact(p.queries), exact(p.clients))) : eps;
    const v = holevoWeightEnclosure(composedMu(p), sub(exact(1), exact(p.transmittance)), exact(p.transmittance), noise);
    return scale === 1 ? v : mulPos(v, exact(scale));
  };
}

// η (the server's detector efficiency) enters only a finite-size limit, which falls as η grows; without one the quantity is constant in η (proofs/certified-evaluation.md §4.7).
const WEIGHT_DIRECTIONS = Object.freeze({ mu: 1, gain: 1, inputs: -1, transmittance: -1, technicalNoise: 1, efficiency: -1, queries: 1, clients: 1 } as const);

/** The quantities of a leakage claim. */
export function claimQuantities(claim: LeakageClaim): ClaimQuantities {
  const f = claim.activeFraction;
  const c = finiteSizeFactor(claim.finiteSize);
  switch (claim.adversary) {
    case 'holevo': {
      const upper: ClaimQuantity = { name: 'chi-w-concentrated', kind: 'bound', directions: WEIGHT_DIRECTIONS, independent: [], at: chiW(f, c, 1, true), appliesTo: always };
      const lower: ClaimQuantity = { name: 'chi-w', kind: 'holevo-exact', directions: WEIGHT_DIRECTIONS, independent: [], at: chiW(f, c, 1), appliesTo: always };
      return { upper, lower };
    }
    case 'paper-2025-weight-model': {
      const q: ClaimQuantity = { name: 'chi-w-half', kind: 'model', directions: WEIGHT_DIRECTIONS, independent: [], at: chiW(f, c, 0.5), appliesTo: always };
      return { upper: q, lower: q };
    }
    case 'paper-2024-data-model': {
      // Non-decreasing in k (hence G) while ν = 2k < n, i.e. n = f·N > 2 (proofs/certified-evaluation.md §4); N is fixed in data claims.
      const q: ClaimQuantity = { name: 'paper-2024-cramer-rao', kind: 'model', directions: { gain: 1 }, independent: ['rows', 'efficiency'], at: (p) => paperCramerRaoEnclosure(boundPhotonsEnclosure(p.gain, 0), f, p.inputs), appliesTo: (box) => box.technicalPhotons[1] === 0 };
      return { upper: q, lower: q };
    }
    case 'paper-2025-data-model': {
      // (G − 1)²/(G(3G − 2)) is increasing in G > 1 and the model is linear in M inside the log (proofs/certified-evaluation.md §4).
      const q: ClaimQuantity = { name: 'paper-2025-revised', kind: 'model', directions: { gain: 1, rows: 1 }, independent: ['efficiency'], at: (p) => paperRevisedEnclosure(p.gain, f, p.inputs, p.rows), appliesTo: (box) => box.technicalPhotons[1] === 0 };
      return { upper: q, lower: q };
    }
    case 'holevo-network':
    case 'holevo-layer': {
      const network = claim.adversary === 'holevo-network';
      const layers = (p: Point) => (network ? claim.layers! : [{ inputs: p.inputs, rows: p.rows }]);
      const upper: ClaimQuantity = {
        name: network ? 'network-subadditive' : 'layer-subadditive',
        kind: 'bound',
        directions: network ? { gain: 1, technicalPhotons: 1 } : { gain: 1, technicalPhotons: 1, rows: 1 },
        // The bound does not depend on the server's detector; a whole network's N and M are its own.
        independent: network ? ['efficiency', 'rows'] : ['efficiency'],
        at: (p) => networkSubadditiveEnclosure(boundPhotonsEnclosure(p.gain, p.technicalPhotons), layers(p)),
        appliesTo: always,
      };
      const lower: ClaimQuantity = {
        name: 'displace-and-count',
        kind: 'achieved',
        // Technical-noise photons are thermal along x̂ (docs/claims.md#region): they add to k for the attack as for the bound.
        directions: { gain: 1, technicalPhotons: 1, efficiency: 1, rows: 1, inputs: -1 },
        independent: [],
        at: (p) => displaceAndCountEnclosure(boundPhotonsEnclosure(p.gain, p.technicalPhotons), f, p.inputs, p.rows, p.efficiency),
        appliesTo: always,
      };
      return { upper, lower };
    }
  }
}
