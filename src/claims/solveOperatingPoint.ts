import type { MnistSplit } from '../data/loadMnist.js';
import { accuracyCurveParallel } from '../inference/parallelAccuracy.js';
import type { BiasFreeNetwork } from '../inference/noisyForward.js';
import { InputRangeError } from '../inputError.js';
import { measurementNoiseFactor } from '../protocol/measurementNoiseFactor.js';
import { clopperPearson } from './accuracyEvidence.js';
import type { BoxVerdict } from './branchAndBound.js';
import type { ClaimLayer, DataAdversary, LeakageClaim } from './claim.js';
import type { Box } from './dimensions.js';
import { claimQuantities } from './_internal/claimQuantities.js';

/** What `qsdl solve` is asked (docs/claims.md#solve). @public */
export interface SolveInput {
  /** Weight leakage at most this many bits per weight symbol (χ_W, Holevo). */
  readonly maxWeightBits: number;
  /** Data leakage at most this many bits per data symbol. */
  readonly maxDataBits: number;
  /** Accuracy at least this, percent. */
  readonly minAccuracyPercent: number;
  /** μ range searched (photons per weight symbol). */
  readonly mu: readonly [number, number];
  /** G range searched. */
  readonly gain: readonly [number, number];
  /** N, inputs per row. */
  readonly inputs: number;
  /** T, round-trip power transmittance. */
  readonly transmittance: number;
  /** f in ε = 2(G − 1)/(G·f·N), and the data prior's active fraction p. */
  readonly activeFraction: number;
  /** The data adversary. */
  readonly dataAdversary: DataAdversary;
  /** The network's layer shapes (whole-network adversary), or the one layer. */
  readonly layers: readonly ClaimLayer[];
  /** Accuracy: MNIST test images (the first ones of the test split). */
  readonly images: number;
  /** Accuracy: noise seed. */
  readonly seed: number;
  /** Accuracy: confidence of each Clopper–Pearson interval. */
  readonly confidence: number;
  /** Gains examined, log-spaced in G − 1. */
  readonly gains: number;
}

/** One gain of the solution. @public */
export interface SolveGain {
  /** G. */
  readonly gain: number;
  /** The data constraint at this gain: holds (bound), fails (attack or exact model), unknown. */
  readonly data: BoxVerdict;
  /** Largest μ with χ_W certified ≤ the weight limit (null: none in the μ range). */
  readonly muWeightMax: number | null;
  /** Smallest μ whose accuracy meets the claim (statistical), SNR_ok·DX2(G). */
  readonly muAccuracyMin: number;
  /** holds: every constraint met at μ = max(muAccuracyMin, μ_lo); fails: none can be; unknown otherwise. */
  readonly feasible: BoxVerdict;
}

/** The answer (docs/claims.md#solve). @public */
export interface SolveResult {
  /** holds: a feasible point exists (the cheapest below); fails: the region is empty; unknown: neither shown. */
  readonly verdict: BoxVerdict;
  /** Cheapest feasible point found (fewest photons per weight symbol), or null. */
  readonly cheapest: {
    /** μ, photons per weight symbol. */
    readonly mu: number;
    /** G. */
    readonly gain: number;
    /** χ_W enclosed there, bits per weight symbol. */
    readonly weightBits: readonly [number, number];
    /** The data bound enclosed there, bits per data symbol. */
    readonly dataBits: readonly [number, number];
    /** Accuracy measured there with a fresh seed, percent. */
    readonly accuracyPercent: number;
    /** Its Clopper–Pearson interval, percent. */
    readonly accuracyIntervalPercent: readonly [number, number];
  } | null;
  /** Gains where the data constraint is certified (bound ≤ limit): G ≤ this (null: none). */
  readonly dataHoldsUpTo: number | null;
  /** Gains where it is refuted: G ≥ this (null: none in the range). */
  readonly dataFailsFrom: number | null;
  /** SNR = μ/DX2(G) from which the accuracy meets the claim (statistical), or null. */
  readonly snrOk: number | null;
  /** SNR up to which the accuracy fails the claim (statistical), or null. */
  readonly snrFail: number | null;
  /** Each gain examined. */
  readonly gains: readonly SolveGain[];
  /** Why the verdict, in words. */
  readonly reason: string;
}

/** SNR grid of the accuracy curve: 96 points log-spaced over [1e-2, 1e4] (SNR = μ/DX2(G)). */
const SNR_GRID = Array.from({ length: 96 }, (_, i) => 10 ** (-2 + (6 * i) / 95));

function fixedBox(input: SolveInput, mu: number, gain: number): Box {
  return { mu: [mu, mu], gain: [gain, gain], inputs: [input.inputs, input.inputs], rows: [input.layers[0]!.rows, input.layers[0]!.rows], transmittance: [input.transmittance, input.transmittance], technicalNoise: [0, 0], technicalPhotons: [0, 0], efficiency: [1, 1], queries: [1, 1], clients: [1, 1] };
}

/** The largest x in [lo, hi] (log scale) where ok(x) holds, for ok non-increasing in x; null if ok(lo) fails. */
function lastTrue(lo: number, hi: number, ok: (x: number) => boolean): number | null {
  if (!ok(lo)) return null;
  if (ok(hi)) return hi;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 60 && b / a > 1 + 1e-9; i += 1) {
    const m = Math.sqrt(a * b);
    if (ok(m)) a = m;
    else b = m;
  }
  return a;
}

/**
 * Find the (μ, G) operating points that meet a weight limit (χ_W, certified), a data
 * limit (the adversary's bound certifies, its attack or exact model refutes) and an
 * accuracy (statistical, from one accuracy-versus-SNR curve: accuracy depends on μ and G
 * only through SNR = μ/DX2(G)), and the cheapest one in photons per weight symbol — or show
 * the region empty: on every cell [G₁, G₂] where the data limit can hold, even the largest
 * certified μ at G₁ stays below the μ at which the accuracy fails at the cell's smallest DX2.
 * Leakage conclusions are interval-certified; accuracy ones are statistical (each point's
 * Clopper–Pearson interval at the stated confidence, for this network).
 * @param input - constraints, region and settings
 * @param network - the network whose accuracy counts
 * @param test - the MNIST test split
 * @returns the verdict, the cheapest point and the per-gain picture
 * @public
 */
export async function solveOperatingPoint(input: SolveInput, network: BiasFreeNetwork, test: MnistSplit, onProgress?: (done: number, total: number) => void): Promise<SolveResult> {
  const [gLo, gHi] = input.gain;
  if (!(gLo > 1 && gLo <= gHi)) throw new InputRangeError(`gain range must have 1 < lo ≤ hi; received [${gLo}, ${gHi}]`);
  if (!(input.mu[0] > 0 && input.mu[0] <= input.mu[1])) throw new InputRangeError(`μ range must have 0 < lo ≤ hi; received [${input.mu[0]}, ${input.mu[1]}]`);
  const base = { id: 'solve', statement: '', activeFraction: input.activeFraction, budget: { boxes: 1, seconds: 1 } };
  const weightClaim: LeakageClaim = { ...base, kind: 'weight-leakage', threshold: { fraction: input.maxWeightBits, bitsPerSymbol: 1 }, adversary: 'holevo', region: fixedBox(input, 1, gLo) };
  const dataClaim: LeakageClaim = { ...base, kind: 'data-leakage', threshold: { fraction: input.maxDataBits, bitsPerSymbol: 1 }, adversary: input.dataAdversary, region: fixedBox(input, 1, gLo), layers: input.layers };
  const wq = claimQuantities(weightClaim);
  const dq = claimQuantities(dataClaim);
  const point = (mu: number, g: number) => Object.fromEntries(Object.entries(fixedBox(input, mu, g)).map(([k, r]) => [k, r[0]])) as Parameters<typeof wq.upper.at>[0];
  // Data: monotone non-decreasing in G (proofs/certified-evaluation.md §4), so it holds on [gLo, G_hold] and fails on [G_fail, gHi].
  const dataHolds = (g: number) => dq.upper.at(point(1, g))[1] <= input.maxDataBits * (1 - 1e-9);
  const dataFails = (g: number) => dq.lower !== null && dq.lower.at(point(1, g))[0] > input.maxDataBits * (1 + 1e-9);
  const dataHoldsUpTo = lastTrue(gLo, gHi, dataHolds);
  const notFail = lastTrue(gLo, gHi, (g) => !dataFails(g));
  const dataFailsFrom = notFail === null ? gLo : notFail >= gHi && !dataFails(gHi) ? null : nextAbove(notFail);
  // Accuracy against SNR, one curve (each point one noise draw per image: a binomial count).
  const n = Math.min(input.images, test.count);
  const size = test.rows * test.cols;
  const split: MnistSplit = { ...test, count: n, images: test.images.subarray(0, n * size), labels: test.labels.subarray(0, n) };
  const curve = await accuracyCurveParallel(network, split, SNR_GRID.map((snr) => ({ model: 'snr' as const, snr })), { seed: input.seed, ...(onProgress === undefined ? {} : { onProgress }) });
  const ci = curve.map((r) => clopperPearson(r.correct, r.count, input.confidence));
  const min = input.minAccuracyPercent / 100;
  // SNR_ok: from here up every grid point's interval is above the claim; SNR_fail: from here down every one is below.
  let okFrom: number | null = null;
  for (let i = SNR_GRID.length - 1; i >= 0 && ci[i]![0] >= min; i -= 1) okFrom = i;
  let failTo: number | null = null;
  for (let i = 0; i < SNR_GRID.length && ci[i]![1] < min; i += 1) failTo = i;
  const snrOk = okFrom === null ? null : SNR_GRID[okFrom]!;
  const snrFail = failTo === null ? null : SNR_GRID[failTo]!;
  const gains = Array.from({ length: input.gains }, (_, i) => (input.gains === 1 ? gLo : 1 + (gLo - 1) * ((gHi - 1) / (gLo - 1)) ** (i / (input.gains - 1))));
  const muW = (g: number) => lastTrue(input.mu[0], input.mu[1], (mu) => wq.upper.at(point(mu, g))[1] <= input.maxWeightBits * (1 - 1e-9));
  const rows: SolveGain[] = gains.map((g) => {
    const data: BoxVerdict = dataHoldsUpTo !== null && g <= dataHoldsUpTo ? 'holds' : dataFailsFrom !== null && g >= dataFailsFrom ? 'fails' : 'unknown';
    const w = muW(g);
    const accMin = snrOk === null ? Infinity : snrOk * measurementNoiseFactor(g);
    const need = Math.max(accMin, input.mu[0]);
    const feasible: BoxVerdict = data === 'holds' && w !== null && need <= w ? 'holds' : data === 'fails' || w === null ? 'fails' : 'unknown';
    return { gain: g, data, muWeightMax: w, muAccuracyMin: accMin, feasible };
  });
  const best = rows.filter((r) => r.feasible === 'holds').sort((a, b) => Math.max(a.muAccuracyMin, input.mu[0]) - Math.max(b.muAccuracyMin, input.mu[0]))[0];
  let cheapest: SolveResult['cheapest'] = null;
  if (best !== undefined) {
    const mu = Math.max(best.muAccuracyMin, input.mu[0]);
    const snr = mu / measurementNoiseFactor(best.gain);
    // Accuracy at the point itself, with a fresh seed (a check of the curve's reading).
    const r = (await accuracyCurveParallel(network, split, [{ model: 'snr', snr }], { seed: input.seed + 1 }))[0]!;
    const iv = clopperPearson(r.correct, r.count, input.confidence);
    cheapest = { mu, gain: best.gain, weightBits: wq.upper.at(point(mu, best.gain)), dataBits: dq.upper.at(point(1, best.gain)), accuracyPercent: r.accuracyPercent, accuracyIntervalPercent: [100 * iv[0], 100 * iv[1]] };
  }
  // Emptiness over [gLo, gHi], cell by cell between the examined gains: a cell [G₁, G₂] is infeasible when the data
  // limit is refuted on all of it (G₁ ≥ G_fail), or when even the largest μ with χ_W certified ≤ the limit at G₁
  // (μ_w falls as G grows) is below the μ at which the accuracy fails, SNR_fail·min DX2 over the cell (statistical).
  let empty = false;
  let reason: string;
  const peak = 2 + Math.SQRT2; // DX2 is smallest at G = 2 + √2
  const cellInfeasible = (g1: number, g2: number): boolean => {
    if (dataFailsFrom !== null && g1 >= dataFailsFrom) return true;
    if (snrFail === null) return false;
    const w = muW(g1);
    return w === null || w < snrFail * measurementNoiseFactor(Math.min(Math.max(peak, g1), g2));
  };
  if (cheapest !== null) reason = `feasible: at G = ${best!.gain.toPrecision(4)} the data limit is certified, χ_W ≤ ${input.maxWeightBits} is certified up to μ = ${best!.muWeightMax!.toPrecision(4)}, and accuracy ≥ ${input.minAccuracyPercent} % from μ = ${cheapest.mu.toPrecision(4)} (statistical)`;
  else {
    empty = gains.length > 1 ? gains.slice(1).every((g2, i) => cellInfeasible(gains[i]!, g2)) : cellInfeasible(gLo, gHi);
    reason = empty
      ? `empty: at every gain in [${gLo}, ${gHi}] either the data limit is refuted (G ≥ ${dataFailsFrom?.toPrecision(4) ?? '-'}) or every μ that keeps χ_W ≤ ${input.maxWeightBits} (certified) is below the μ at which the accuracy fails (SNR < ${snrFail?.toPrecision(3) ?? '-'}, statistical)`
      : `undecided: no examined gain is feasible, but the region is not shown empty${dataHoldsUpTo === null ? ` (the data bound exceeds ${input.maxDataBits} bit at every gain, and the attack does not reach it everywhere)` : ''}`;
  }
  return { verdict: cheapest !== null ? 'holds' : empty ? 'fails' : 'unknown', cheapest, dataHoldsUpTo, dataFailsFrom, snrOk, snrFail, gains: rows, reason };
}

function nextAbove(x: number): number {
  return x * (1 + 2 ** -52);
}
