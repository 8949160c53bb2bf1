import { describeValue, inClosed, inLeftOpen, integerAtLeast } from '../_internal/validate.js';
import { InputTypeError } from '../inputError.js';
import { upperOrthant } from './_internal/bivariateNormal.js';
import { checkDelta } from './_internal/checks.js';
import { chernoffUpperThreshold, rowCountMoments, type RowCountLaw, type RowCountMoments } from './_internal/rowCountLaw.js';
import { normalCdf, normalUpperQuantile } from './_internal/tails.js';

/** A group of equal, independent thermal modes in one row: mean photons per mode (before detection) and how many such modes. @public */
export interface ThermalModes {
  /** Mean photon number of each mode (photons, before the detector), in [0, 1e6]. */
  readonly photons: number;
  /** Number of such modes, in [0, 1e9]; need not be a whole number (a negative binomial law of that shape). */
  readonly modes: number;
}

/**
 * The returned noise of one row as photon-counting sees it: the eigenvalues of the row's
 * photon-number matrix ⟨a_i†a_j⟩ with their multiplicities, plus a coherent residual.
 * Honest client (docs/model.md#returned-noise): `{ thermal: [{ photons: k, modes: 1 }] }`, rank one;
 * the same k spread evenly over n modes: `{ thermal: [{ photons: k/n, modes: n }] }`.
 * @public
 */
export interface RowPhotonLaw {
  /** Thermal modes of the row (photons, before the detector). An empty list is the vacuum. */
  readonly thermal: readonly ThermalModes[];
  /** Mean photons of a coherent residual (a displacement the server did not remove), in [0, 1e12]; counted as a Poisson law independent of the thermal modes (proofs/row-total-test.md §2). @defaultValue 0 */
  readonly coherentPhotons?: number;
}

/** Operating point of {@link rowTotalTest}. @public */
export interface RowTotalTestInput {
  /** Rows m the server observes: M rows per inference × inferences; an integer ≥ 1. */
  readonly rows: number;
  /** Failure probability δ in (0, 1): each of the two tests rejects an honest client with probability ≤ δ/2. */
  readonly delta: number;
  /** The server's detector efficiency η in (0, 1], the same on every mode. @defaultValue 1 */
  readonly efficiency?: number;
  /** Mean dark counts per row over all N detectors together (N·d for d per mode), in [0, 1e12]. @defaultValue 0 */
  readonly darkCountsPerRow?: number;
  /** What an honest client returns (the server's thresholds are set at it). */
  readonly honest: RowPhotonLaw;
  /** What the server actually gets. */
  readonly actual: RowPhotonLaw;
}

/** Statistics of one row's registered count L (counts per row, after the detector, dark counts included). @public */
export interface RowCountStatistics {
  /** E[L], counts per row. */
  readonly meanCount: number;
  /** Var L, counts² per row. */
  readonly countVariance: number;
  /** P(L = 0): the probability that a row registers nothing. */
  readonly emptyRowProbability: number;
  /** g2 = E[L(L − 1)]/E[L]²: 2 for one thermal mode, 1 + 1/n for n equal ones, 1 for a Poisson law; NaN without counts. */
  readonly g2: number;
}

/** One of the two statistics: its threshold and the probability that it fires at the actual law. @public */
export interface RowTotalStatisticResult {
  /** The threshold (units in {@link RowTotalTestResult}). */
  readonly threshold: number;
  /** Probability that this statistic fires at the actual law (normal approximation). */
  readonly probability: number;
}

/** The shape test's result: its threshold, its weight c and the probability that it fires. @public */
export interface RowTotalShapeResult extends RowTotalStatisticResult {
  /** The weight c = E[L]·P(L = 0)/Var L at the honest law (counts⁻¹), which makes V̄ uncorrelated with L̄ there. */
  readonly weight: number;
}

/** The server's row-total test at one operating point. @public */
export interface RowTotalTestResult {
  /** Probability that at least one of the two statistics fires at the actual law (normal approximation, proofs/row-total-test.md §6). */
  readonly probability: number;
  /** The same at the honest law: the false-alarm rate as the normal approximation gives it. Rigorously, the false-alarm rate is ≤ δ/2 (mean test, Chernoff) plus the shape test's, which the approximation puts at δ/2. */
  readonly falseAlarm: number;
  /** Mean test: fires when the mean count per row over the m rows is ≥ `threshold` (counts per row). */
  readonly meanTest: RowTotalStatisticResult;
  /** Shape test: fires when V̄ = c·L̄ − (fraction of rows with a count) is ≤ `threshold` (dimensionless); c is `weight`. */
  readonly shapeTest: RowTotalShapeResult;
  /** Statistics of a row at the honest law. */
  readonly honest: RowCountStatistics;
  /** Statistics of a row at the actual law. */
  readonly actual: RowCountStatistics;
}

/** Largest photons per mode: keeps Σ n·a² (≤ 1e9·1e12) and every moment finite. */
const MAX_MODE_PHOTONS = 1e6;
/** Largest multiplicity of a group: far more modes than any row (N ≤ 1e5 in the attack library). */
const MAX_MODES = 1e9;
/** Largest coherent or dark-count mean per row (counts): N·μ ≤ 1e5·1e6 in the attack library. */
const MAX_POISSON = 1e12;

/** Check a {@link RowPhotonLaw} and turn it into detected counts: a → η·a, Poisson mean η·coherent + dark counts. */
function detectedLaw(name: string, value: unknown, efficiency: number, dark: number): RowCountLaw {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { thermal?: unknown }).thermal)) {
    throw new InputTypeError(`${name} must be an object { thermal: [{ photons, modes }, …], coherentPhotons? }; received ${describeValue(value)}`);
  }
  const law = value as { thermal: unknown[]; coherentPhotons?: unknown };
  const groups = law.thermal.map((g, i) => {
    if (typeof g !== 'object' || g === null) throw new InputTypeError(`${name}.thermal[${i}] must be an object { photons, modes }; received ${describeValue(g)}`);
    const t = g as { photons?: unknown; modes?: unknown };
    const photons = inClosed(`${name}.thermal[${i}].photons (photons per mode)`, t.photons, 0, MAX_MODE_PHOTONS);
    const modes = inClosed(`${name}.thermal[${i}].modes`, t.modes, 0, MAX_MODES);
    return { a: efficiency * photons, n: modes };
  });
  const coherent = law.coherentPhotons === undefined ? 0 : inClosed(`${name}.coherentPhotons (photons per row)`, law.coherentPhotons, 0, MAX_POISSON);
  return { groups, poisson: efficiency * coherent + dark };
}

/** The public statistics of a row's count. */
function statistics(s: RowCountMoments): RowCountStatistics {
  return { meanCount: s.mean, countVariance: s.variance, emptyRowProbability: s.vacuum, g2: s.mean > 0 ? 1 + s.pairExcess / (s.mean * s.mean) : Number.NaN };
}

/** P(X ≥ threshold) for X normal (mean, sd); a point mass when sd = 0. */
function atLeast(threshold: number, mean: number, sd: number): number {
  if (sd === 0) return mean >= threshold ? 1 : 0;
  return normalCdf((mean - threshold) / sd);
}

/** What the test's thresholds are, at the honest law: the mean test's Chernoff threshold, the shape weight c, and the shape test's threshold and standard deviation. */
interface Thresholds {
  readonly mean: number;
  readonly weight: number;
  /** null when the shape statistic has no spread at the honest law (no photons, or rows never empty): the shape test is then void. */
  readonly shape: { readonly threshold: number; readonly honestSd: number; readonly z: number } | null;
}

/** Probability that each statistic, and at least one, fires at a law with moments `s` (normal approximation). */
function firing(t: Thresholds, h: RowCountMoments, s: RowCountMoments, m: number): { readonly mean: number; readonly shape: number; readonly either: number } {
  const root = Math.sqrt(m);
  const sdL = Math.sqrt(s.variance) / root;
  const pMean = atLeast(t.mean, s.mean, sdL);
  if (t.shape === null) return { mean: pMean, shape: 0, either: pMean };
  const c = t.weight;
  // V = c·L − 1{L ≥ 1}. Its variance at this law: Var L·(c − c_s)² + residual_s, c_s the law's own regression slope (no cancellation).
  const gap = c - s.slope;
  const sdV = Math.sqrt(s.variance * gap * gap + s.residual) / root;
  // E_honest[V] − E_s[V], exactly 0 when s is the honest law.
  const shift = c * (h.mean - s.mean) + (s.nonVacuum - h.nonVacuum);
  const pShape = sdV === 0 ? (shift >= t.shape.z * t.shape.honestSd ? 1 : 0) : normalCdf((shift - t.shape.z * t.shape.honestSd) / sdV);
  if (pMean === 0 || pShape === 0) return { mean: pMean, shape: pShape, either: pMean + pShape };
  // Standardised U = (L̄ − E L̄)/sd (mean test fires for U ≥ u) and W = (V̄ − E V̄)/sd (shape test fires for W ≤ w), correlation ρ = Cov(L, V)/(sd sd).
  const u = (t.mean - s.mean) / sdL;
  const w = (shift - t.shape.z * t.shape.honestSd) / sdV; // the shape test fires for W ≤ w
  const rho = (Math.sqrt(s.variance) * gap) / Math.sqrt(s.variance * gap * gap + s.residual);
  // Both fire: P(U ≥ u, −W ≥ −w), corr(U, −W) = −ρ; kept inside its Fréchet bounds, which the quadrature's ~1e-16 error could cross.
  const both = Math.min(Math.min(pMean, pShape), Math.max(pMean + pShape - 1, upperOrthant(u, -w, -rho), 0));
  return { mean: pMean, shape: pShape, either: pMean + pShape - both };
}

/**
 * The server's test on per-row photon totals (proofs/row-total-test.md): it counts photons in
 * every mode of a row after removing its known displacement (detector efficiency η, dark
 * counts), adds them up per row, and tests the m row totals L_1 … L_m without knowing the
 * client's data x̂ (a row total does not depend on it). Counts per row; photons before the
 * detector; probabilities.
 *
 * - Mean test (one-sided): fires when L̄ = ΣL_i/m ≥ t, t the Cramér–Chernoff threshold at the
 *   honest law with m·I(t) = ln(2/δ): a false alarm ≤ δ/2 rigorously, for every m. One-sided
 *   because only more noise than declared raises the weight bound the server relies on.
 * - Shape test (one-sided): V̄ = c·L̄ − (fraction of rows with at least one count), with
 *   c = E[L]·P(L = 0)/Var L at the honest law, the slope that makes V̄ uncorrelated with L̄ there.
 *   At a given mean, a row's vacuum probability Π(1 + a_i)^−n_i is largest for one thermal mode
 *   (rank one) and falls as the noise spreads over more modes, so spreading lowers V̄. Fires when
 *   V̄ ≤ E₀[V] − z_{δ/2}·σ₀/√m (normal approximation; the honest V is right-skewed, so its lower tail
 *   is lighter than the normal one and the false alarm is below δ/2: exact values at m = 784 and a
 *   Monte Carlo in the note). The shape test is void (never fires) when the honest rows carry no
 *   photons, or are never empty (P(L = 0) below the smallest double).
 *
 * Detection probabilities are normal approximations of the two means (exact first and second
 * moments, their correlation, and the bivariate normal orthant for "either fires"); they are
 * checked against a Monte Carlo simulation of the whole test within 5 standard errors. The row
 * law: independent thermal modes (a spread over n equal modes is negative binomial with shape n),
 * thinned by η (a thermal mode of n̄ photons is detected as one of η·n̄), a coherent residual and the
 * dark counts as an independent Poisson part.
 *
 * @param input - rows m, δ, η, dark counts per row, the honest and the actual row law
 * @returns the probability that the test fires at the actual law, its false-alarm rate, each statistic's threshold and probability, and the row statistics
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example rowTotalTest({ rows: 784, delta: 1e-6, honest: { thermal: [{ photons: 0.5, modes: 1 }] }, actual: { thermal: [{ photons: 0.5 / 392, modes: 392 }] } }).probability
 * // returns ≈ 0.9086 (the per-mode cloner at G = 2, N = M = 784, p = ½, one inference; the shape test fires)
 * @example rowTotalTest({ rows: 784, delta: 1e-6, honest: { thermal: [{ photons: 0.5, modes: 1 }] }, actual: { thermal: [{ photons: 0.5, modes: 1 }] } }).probability
 * // returns ≈ 5.036e-7, the false-alarm rate (shape test δ/2 = 5e-7; the Chernoff mean test 3.6e-9 in this approximation)
 * @example rowTotalTest({ rows: 10, delta: 0.01, honest: { thermal: [] }, actual: { thermal: [{ photons: 0.1, modes: 1 }] } }).probability
 * // returns 1 − (1/1.1)^10 ≈ 0.6145 (no photons expected: any count fires, exactly)
 * @public
 */
export function rowTotalTest(input: RowTotalTestInput): RowTotalTestResult {
  if (typeof input !== 'object' || input === null) throw new InputTypeError(`row-total test input must be an object { rows, delta, honest, actual, efficiency?, darkCountsPerRow? }; received ${describeValue(input)}`);
  const m = integerAtLeast('rows m', input.rows, 1);
  const delta = checkDelta(input.delta);
  const efficiency = input.efficiency === undefined ? 1 : inLeftOpen('detector efficiency η', input.efficiency, 0, 1);
  const dark = input.darkCountsPerRow === undefined ? 0 : inClosed('dark counts per row', input.darkCountsPerRow, 0, MAX_POISSON);
  const honestLaw = detectedLaw('honest', input.honest, efficiency, dark);
  const actualLaw = detectedLaw('actual', input.actual, efficiency, dark);
  const h = rowCountMoments(honestLaw);
  const a = rowCountMoments(actualLaw);

  if (h.mean === 0) {
    // No count is expected: the server fires on the first one. Exact: P(some count in m rows) = 1 − P(L = 0)^m.
    const p = -Math.expm1(-m * a.vacuumExponent);
    return {
      probability: p,
      falseAlarm: 0,
      meanTest: { threshold: 1 / m, probability: p },
      shapeTest: { threshold: -Infinity, weight: 0, probability: 0 },
      honest: statistics(h),
      actual: statistics(a),
    };
  }

  const meanThreshold = chernoffUpperThreshold(honestLaw, Math.log(2 / delta) / m);
  const z = normalUpperQuantile(delta / 2);
  const honestSd = Math.sqrt(h.residual / m);
  const shapeVoid = !(h.residual > 0 && h.vacuum > 0);
  const t: Thresholds = {
    mean: meanThreshold,
    weight: h.slope,
    // E₀[V] = c·Λ − P(L ≥ 1) = −residual/P(L = 0) (the regression identity, no cancellation).
    shape: shapeVoid ? null : { threshold: -h.residual / h.vacuum - z * honestSd, honestSd, z },
  };
  const atActual = firing(t, h, a, m);
  const atHonest = firing(t, h, h, m);
  return {
    probability: atActual.either,
    falseAlarm: atHonest.either,
    meanTest: { threshold: meanThreshold, probability: atActual.mean },
    shapeTest: { threshold: t.shape === null ? -Infinity : t.shape.threshold, weight: h.slope, probability: atActual.shape },
    honest: statistics(h),
    actual: statistics(a),
  };
}
