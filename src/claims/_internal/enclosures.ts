/**
 * Rigorous float64 enclosures of the leakage quantities a claim uses, at a point
 * (proofs/certified-evaluation.md §3). Each takes exact doubles and returns [lo, hi]
 * containing the exact real value, in bits per symbol. Formulas:
 * - χ_W (bits per weight symbol): the cancellation-free form of proofs/weight-leakage.md;
 * - the whole-network subadditive bound (bits per data symbol): proofs/network-bounds.md;
 * - displace-and-count on the stylised prior (bits per data symbol): proofs/server-data-bounds.md §4.
 * @internal
 */
import { add, divPos, exact, expNeg, LN2, log, log1pPos, mulPos, nextUp, oneMinusExpNeg, sqrtPos, sub, type Interval } from './interval64.js';

const ONE = exact(1);
const TWO = exact(2);
const FOUR = exact(4);

/** h(n) = (n + 1)·ln(n + 1) − n·ln n in nats = ln(1 + n) + n·ln(1 + 1/n), non-decreasing in n ≥ 0. */
export function thermalEntropyNats(n: Interval): Interval {
  const at = (x: number): Interval => {
    if (x === 0) return [0, 0];
    // Below 1e-300, 1/x may overflow: h(x) = x·(1 − ln x) + O(x²) ≤ x·(2 − ln x), ≥ 0.
    if (x < 1e-300) return [0, nextUp(x * (2 - Math.log(x)) * 1.0001)];
    return add(log1pPos(exact(x)), mulPos(exact(x), log1pPos(divPos(ONE, exact(x)))));
  };
  return [at(n[0])[0], at(n[1])[1]];
}

/**
 * h(b + d) − h(b) in nats for b, d ≥ 0, without subtracting two entropies:
 * d·ln(1 + 1/(b + d)) + [(b + 1)·ln(1 + d/(b + 1)) − b·ln(1 + d/b)], the bracket ≥ 0
 * (x ↦ x·ln(1 + d/x) is non-decreasing), so its lower end is clipped at 0.
 */
function thermalEntropyDifferenceNats(b: Interval, d: Interval): Interval {
  if (d[1] === 0) return [0, 0];
  const a = add(b, d);
  // ln(1 + 1/a) = ln(1 + a) − ln a: the second form when 1/a would overflow (subnormal a).
  const lnInv = a[0] < 1e-300 ? sub(log1pPos(a), log([a[0] > 0 ? a[0] : Number.MIN_VALUE, a[1]])) : log1pPos(divPos(ONE, a));
  const lead = mulPos(d, [Math.max(0, lnInv[0]), lnInv[1]]);
  if (b[0] === 0) {
    // b may be 0: subtract the entropies directly (no cancellation to fear when b is this small).
    const ha = thermalEntropyNats(a);
    const hb = thermalEntropyNats(b);
    return [Math.max(0, ha[0] - hb[1] - Math.abs(ha[0]) * 2 ** -51), ha[1] * (1 + 2 ** -51)];
  }
  const b1 = add(b, ONE);
  const first = mulPos(b1, log1pPos(divPos(d, b1)));
  const second = mulPos(b, log1pPos(divPos(d, b)));
  const bracket = sub(first, second);
  return add(lead, [Math.max(0, bracket[0]), Math.max(0, bracket[1])]);
}

/**
 * χ_W(μ, L, ε) in bits per weight symbol, enclosed: μ photons, loss L = 1 − T, ε
 * output-referred excess noise (SNU); inputs are intervals (usually a few ulps wide).
 */
export function holevoWeightEnclosure(mu: Interval, loss: Interval, transmittance: Interval, eps: Interval): Interval {
  const muL = mulPos(mu, loss);
  const dd = add(add(add(mulPos(exact(8), muL), mulPos(FOUR, mulPos(muL, muL))), mulPos(FOUR, mulPos(eps, add(ONE, mulPos(mu, add(ONE, transmittance)))))), mulPos(eps, eps));
  const z = sqrtPos(add(FOUR, dd));
  const s = add(eps, mulPos(TWO, muL));
  const r = divPos(mulPos(FOUR, mulPos(mu, transmittance)), add(add(z, TWO), s));
  const q = add(mulPos(TWO, muL), mulPos(eps, add(ONE, mulPos(TWO, mu))));
  const minus = divPos(mulPos(mulPos(FOUR, mulPos(mu, add(ONE, mu))), add(mulPos(TWO, loss), eps)), mulPos(add(add(TWO, q), z), add(ONE, r)));
  const half = exact(0.5);
  const b = mulPos(eps, half);
  const d = mulPos(mulPos(eps, r), half);
  const nats = add(thermalEntropyDifferenceNats(b, d), thermalEntropyNats(mulPos(minus, half)));
  return divPos(nats, LN2);
}


/**
 * The subadditive Holevo bound of one layer, in nats, times M (so the network's total
 * is Σ_l M_l·K_l(k)/(N₁·ln 2) bits per data symbol): K = N·ln(1 + k/N) − ln(1 + k) + k·ln(1 + (N − 1)/(1 + k)).
 */
function subadditiveLayerNats(k: Interval, inputs: number, rows: number): Interval {
  const n = exact(inputs);
  const concave = sub(mulPos(n, log1pPos(divPos(k, n))), log1pPos(k));
  const spread = mulPos(k, log1pPos(divPos(exact(inputs - 1), add(ONE, k))));
  const sum = add(concave, spread);
  // K ≥ 0 (proofs/network-bounds.md: it is a Holevo bound); only round-off can make the lower end negative.
  return mulPos(exact(rows), [Math.max(0, sum[0]), Math.max(0, sum[1])]);
}

/** One layer's shape: N inputs, M rows. */
export interface LayerShapeValue {
  readonly inputs: number;
  readonly rows: number;
}

/**
 * k = (G − 1)/G + t photons per row along x̂, enclosed (proofs/server-data-bounds.md §1).
 */
export function boundPhotonsEnclosure(gain: number, technicalPhotons: number): Interval {
  return add(divPos(sub(exact(gain), ONE), exact(gain)), exact(technicalPhotons));
}

/** The whole-network subadditive Holevo bound (bits per data symbol) for layer shapes. */
export function networkSubadditiveEnclosure(k: Interval, layers: readonly LayerShapeValue[]): Interval {
  let total: Interval = [0, 0];
  for (const l of layers) total = add(total, subadditiveLayerNats(k, l.inputs, l.rows));
  return divPos(total, mulPos(exact(layers[0]!.inputs), LN2));
}

/** x·ln(1/x) for an interval x ⊂ [0, 1], ≥ 0 (a lower end below 0 from round-off of a quantity ≥ 0 is taken as 0). */
function xLnInverse(xIn: Interval): Interval {
  const x: Interval = [Math.max(0, xIn[0]), Math.min(1, xIn[1])];
  if (x[1] === 0) return [0, 0];
  const lnInv: Interval = [Math.max(0, -log(exact(Math.min(1, x[1])))[1]), x[0] === 0 ? Infinity : -log(exact(x[0]))[0]];
  if (x[0] === 0) {
    // x·ln(1/x) ≤ 1/e on [0, 1]; the lower end is 0.
    return [0, Math.min(nextUp(1 / Math.E), mulPos(x, [0, -log(exact(Number.MIN_VALUE))[0]])[1])];
  }
  return mulPos(x, lnInv);
}

/** h₂ in nats from x and 1 − x, both enclosed without cancellation. */
function binaryEntropyNats(x: Interval, oneMinusX: Interval): Interval {
  return add(xLnInverse(x), xLnInverse(oneMinusX));
}

/**
 * Displace-and-count on the stylised prior (a fraction p of the N pixels active with equal
 * values, x̂_j² = 1/n on them, n = p·N), ideal dark counts, detector efficiency η, M rows:
 * I = h₂(p·q₁) − p·h₂(q₁) bits per data symbol, q₁ = 1 − (1 + η·k/n)^(−M).
 */
export function displaceAndCountEnclosure(k: Interval, prior: number, inputs: number, rows: number, efficiency: number): Interval {
  const n = mulPos(exact(prior), exact(inputs));
  const a = mulPos(exact(rows), log1pPos(divPos(mulPos(exact(efficiency), k), n)));
  const q1 = oneMinusExpNeg(a);
  const c1 = expNeg(a);
  const p = exact(prior);
  const pq1 = mulPos(p, q1);
  const onePq1 = add(sub(ONE, p), mulPos(p, c1)); // 1 − p·q₁ = (1 − p) + p·(1 − q₁), a sum of non-negative terms
  const nats = sub(binaryEntropyNats(pq1, onePq1), mulPos(p, binaryEntropyNats(q1, c1)));
  return divPos([Math.max(0, nats[0]), Math.max(0, nats[1])], LN2);
}

/**
 * The paper-2024 code's data-leakage model (homodyne Cramér–Rao with σ⁸; src/bounds/cramerRaoDataLeak.ts),
 * at x² = 1/n, n = f·N: I = ½·log₂(1 + 2F), F = 2ν²/(n·(1 + ν/n)⁴), ν = 2k. A model, not a bound.
 */
export function paperCramerRaoEnclosure(k: Interval, activeFraction: number, inputs: number): Interval {
  const n = mulPos(exact(activeFraction), exact(inputs));
  const nu = mulPos(exact(2), k);
  const s = add(exact(1), divPos(nu, n));
  const s2 = mulPos(s, s);
  const fisher = divPos(mulPos(exact(2), mulPos(nu, nu)), mulPos(n, mulPos(s2, s2)));
  return divPos(mulPos(exact(0.5), log1pPos(mulPos(exact(2), fisher))), LN2);
}

/**
 * The paper-2025 code's data-leakage model (src/bounds/revisedDataLeak.ts):
 * I = ½·log₂(1 + 4(M/n)·k²/(3 − 2/G)), n = f·N samples, M rows. A model, not a bound.
 */
export function paperRevisedEnclosure(gain: number, activeFraction: number, inputs: number, rows: number): Interval {
  const g = exact(gain);
  const k = divPos(sub(g, exact(1)), g);
  const n = mulPos(exact(activeFraction), exact(inputs));
  const denom = sub(exact(3), divPos(exact(2), g));
  const a = divPos(mulPos(mulPos(exact(4), divPos(exact(rows), n)), mulPos(k, k)), denom);
  return divPos(mulPos(exact(0.5), log1pPos(a)), LN2);
}
