/**
 * The checker's own enclosures of every quantity a certificate can name
 * (proofs/certified-evaluation.md §5), written from the textbook formulas, not from the
 * prover's cancellation-free ones: a slip in either shows up as a disagreement.
 * All results in bits per symbol.
 * @internal
 */
import { iadd, idiv, iEntropyTerm, iexp, iln, imul, isqrt, isub, LN2, nonNegative, num, ONE, type DI } from './decimalInterval.js';
import { DN, UP } from './decimalInterval.js';

/** A point: every dimension's value (from the certificate). */
export type CheckPoint = Readonly<Record<string, number>>;

/** Which end of an enclosure is needed (the other is left infinite, which saves half the logarithms). */
export type Need = 'lo' | 'hi' | 'both';

/** g(ν) = h((ν − 1)/2) in nats, h(n) = (n + 1)·ln(n + 1) − n·ln n, non-decreasing in ν ≥ 1. */
function gNats(nu: DI, need: Need): DI {
  const nAt = (v: DI) => nonNegative(idiv(isub(v, ONE), num(2)));
  const n = nAt(nu);
  const hAt = (x: DI, side: 'lo' | 'hi') => {
    // h at an exact-ish point x (a degenerate slice of the interval): bound with interval arithmetic.
    if (x.hi.isZero()) return new DN(0);
    const x1 = iadd(x, ONE);
    const first = imul(x1, iln(x1));
    const second = x.lo.isZero() ? { lo: new DN(0), hi: new UP(0) } : imul(x, iln(x));
    const v = isub(first, second);
    return side === 'lo' ? DN.max(v.lo, 0) : v.hi;
  };
  return {
    lo: need === 'hi' ? new DN(-Infinity) : hAt({ lo: n.lo, hi: n.lo }, 'lo'),
    hi: need === 'lo' ? new UP(Infinity) : hAt({ lo: n.hi, hi: n.hi }, 'hi'),
  };
}

/** χ_W by the textbook form: a = V, b = T(V − 1) + 1 + ε, c² = T(V² − 1), ν± = (z ± (b − a))/2, ν₃ = b − c²/(a + 1). */
export function chiW(mu: DI, t: DI, eps: DI, need: Need = 'both'): DI {
  const v = iadd(imul(num(2), mu), ONE);
  const a = v;
  const b = iadd(iadd(imul(t, isub(v, ONE)), ONE), eps);
  const c2 = imul(t, isub(imul(v, v), ONE));
  const ab = iadd(a, b);
  const z = isqrt(isub(imul(ab, ab), imul(num(4), c2)));
  const bma = isub(b, a);
  const nuPlus = idiv(iadd(z, bma), num(2));
  const nuMinus = idiv(isub(z, bma), num(2));
  const nu3 = isub(b, idiv(c2, iadd(a, ONE)));
  const clip1 = (x: DI): DI => ({ lo: DN.max(x.lo, 1), hi: UP.max(x.hi, 1) }); // ν ≥ 1 (symplectic eigenvalues)
  const flip: Need = need === 'lo' ? 'hi' : need === 'hi' ? 'lo' : 'both';
  const nats = isub(iadd(gNats(clip1(nuPlus), need), gNats(clip1(nuMinus), need)), gNats(clip1(nu3), flip));
  return idiv(nonNegative(nats), LN2);
}

/** ε = 2(G − 1)/(G·f·N) + ε_tech (with a finite size: its upper limit through a detector of efficiency η), and χ_W of Q·K·μ photons. */
export function weightQuantity(p: CheckPoint, f: number, half: boolean, need: Need = 'both', finiteSize: { samples: number; delta: number } | null = null, concentrated = false): DI {
  const g = num(p.gain!);
  const eps0 = iadd(idiv(imul(num(2), isub(g, ONE)), imul(g, imul(num(f), num(p.inputs!)))), num(p.technicalNoise!));
  // Finite size through a detector of efficiency η: the server sees variance 1 + η·ε, takes its
  // Laurent–Massart upper limit (1 + η·ε)/(1 − 2√(ln(1/δ)/(m − 1))) and refers it back: ε_fs = (that − 1)/η.
  const eta = num(p.efficiency!);
  const eps = finiteSize === null ? eps0 : idiv(isub(idiv(iadd(ONE, imul(eta, eps0)), isub(ONE, imul(num(2), isqrt(idiv(iln(idiv(ONE, num(finiteSize.delta))), num(finiteSize.samples - 1)))))), ONE), eta);
  const copies = imul(num(p.queries!), num(p.clients!));
  const mu = imul(num(p.mu!), copies);
  // Concentrated: all Q·K copies' noise on the signal mode (the lifetime upper bound).
  const v = chiW(mu, num(p.transmittance!), concentrated ? imul(eps, copies) : eps, need);
  return half ? idiv(v, num(2)) : v;
}

/** k = (G − 1)/G + t. */
function photons(p: CheckPoint, withTechnical: boolean): DI {
  const g = num(p.gain!);
  const k = idiv(isub(g, ONE), g);
  return withTechnical ? iadd(k, num(p.technicalPhotons!)) : k;
}

/**
 * The subadditive bound of a network, bits per data symbol:
 * Σ_l M_l·[N_l·ln((N_l + k)/N_l) − ln(1 + k) + k·ln((N_l + k)/(1 + k))] / (N₁·ln 2).
 */
export function subadditive(p: CheckPoint, layers: readonly { inputs: number; rows: number }[]): DI {
  const k = photons(p, true);
  let total: DI = num(0);
  for (const l of layers) {
    const n = num(l.inputs);
    const nk = iadd(n, k);
    const k1 = iadd(ONE, k);
    const inner = iadd(isub(imul(n, iln(idiv(nk, n))), iln(k1)), imul(k, iln(idiv(nk, k1))));
    total = iadd(total, imul(num(l.rows), nonNegative(inner)));
  }
  return idiv(total, imul(num(layers[0]!.inputs), LN2));
}

/** Displace-and-count on the stylised prior: h₂(p·q₁) − p·h₂(q₁), q₁ = 1 − (n/(n + η·k))^M, n = p·N. */
export function displaceAndCount(p: CheckPoint, prior: number): DI {
  const k = photons(p, true);
  const n = imul(num(prior), num(p.inputs!));
  const ratio = idiv(n, iadd(n, imul(num(p.efficiency!), k)));
  const miss = iexp(imul(num(p.rows!), iln(ratio))); // P(no click on an active pixel) = 1 − q₁
  const q1 = isub(ONE, miss);
  const pr = num(prior);
  const h2 = (x: DI, oneMinusX: DI) => iadd(iEntropyTerm(x), iEntropyTerm(oneMinusX));
  const pq1 = imul(pr, q1);
  const nats = isub(h2(pq1, isub(ONE, pq1)), imul(pr, h2(q1, miss)));
  return idiv(nonNegative(nats), LN2);
}

/** The paper-2024 code's model: ln(1 + 4ν²·n³/(n + ν)⁴)/(2 ln 2), ν = 2(G − 1)/G, n = p·N (the same as ½·log₂(1 + 2F)). */
export function paperCramerRao(p: CheckPoint, prior: number): DI {
  const nu = imul(num(2), photons(p, false));
  const n = imul(num(prior), num(p.inputs!));
  const nn = iadd(n, nu);
  const nn2 = imul(nn, nn);
  const ratio = idiv(imul(imul(num(4), imul(nu, nu)), imul(n, imul(n, n))), imul(nn2, nn2));
  return idiv(iln(iadd(ONE, ratio)), imul(num(2), LN2));
}

/** The paper-2025 code's model: ln(1 + 4M(G − 1)²/(n·G·(3G − 2)))/(2 ln 2), n = p·N. */
export function paperRevised(p: CheckPoint, prior: number): DI {
  const g = num(p.gain!);
  const gm1 = isub(g, ONE);
  const n = imul(num(prior), num(p.inputs!));
  const a = idiv(imul(imul(num(4), num(p.rows!)), imul(gm1, gm1)), imul(n, imul(g, isub(imul(num(3), g), num(2)))));
  return idiv(iln(iadd(ONE, a)), imul(num(2), LN2));
}
