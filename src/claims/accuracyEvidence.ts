import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { MnistSplit } from '../data/loadMnist.js';
import type { BiasFreeNetwork } from '../inference/noisyForward.js';
import { testAccuracy } from '../inference/testAccuracy.js';
import type { BoxVerdict } from './branchAndBound.js';
import type { AccuracyClaim } from './claim.js';

/**
 * The statistical evidence on an accuracy claim at one operating point (docs/claims.md#accuracy):
 * the committed (or named) network run on the first `images` MNIST test images, one
 * noise draw each, and the exact two-sided Clopper–Pearson interval on the accuracy.
 * Each image with its draw is one Bernoulli trial (images drawn from the test
 * distribution, noise fresh), so the interval is exact for the accuracy on that
 * distribution at the stated confidence — for this network, at this point.
 * @public
 */
export interface AccuracyEvidence {
  /** The operating point: μ photons per weight symbol, gain G. */
  readonly point: {
    /** μ, photons per weight symbol. */
    readonly mu: number;
    /** G. */
    readonly gain: number;
  };
  /** Images classified right. */
  readonly correct: number;
  /** Images run (trials). */
  readonly images: number;
  /** correct/images, percent. */
  readonly accuracyPercent: number;
  /** Clopper–Pearson interval at `confidence`, percent. */
  readonly intervalPercent: readonly [number, number];
  /** Two-sided confidence of the interval. */
  readonly confidence: number;
  /** holds: the interval's lower end ≥ the claim; fails: its upper end < the claim; else unknown. Statistical. */
  readonly verdict: BoxVerdict;
}

/**
 * The exact (Clopper–Pearson) two-sided interval for a binomial proportion, as fractions.
 * @param successes - x, an integer in [0, n]
 * @param trials - n ≥ 1
 * @param confidence - in [0.5, 1)
 * @returns [lower, upper] with P(lower ≤ p ≤ upper) ≥ confidence for every p
 * @example clopperPearson(0, 10, 0.95)[1] // returns ≈ 0.3085 (1 − 0.025^(1/10))
 * @public
 */
export function clopperPearson(successes: number, trials: number, confidence: number): readonly [number, number] {
  const a = 1 - confidence;
  const lo = successes === 0 ? 0 : betaQuantile(a / 2, successes, trials - successes + 1);
  const hi = successes === trials ? 1 : betaQuantile(1 - a / 2, successes + 1, trials - successes);
  return [lo, hi];
}

/**
 * Run an accuracy claim's points (statistical, never interval-certified).
 * @param claim - a validated accuracy claim
 * @param network - the network it names
 * @param test - the MNIST test split
 * @param onProgress - (images done, images in all)
 * @returns one piece of evidence per point
 * @public
 */
export function accuracyEvidence(claim: AccuracyClaim, network: BiasFreeNetwork, test: MnistSplit, onProgress?: (done: number, total: number) => void): AccuracyEvidence[] {
  const n = Math.min(claim.images, test.count);
  const size = test.rows * test.cols;
  const split: MnistSplit = { ...test, count: n, images: test.images.subarray(0, n * size), labels: test.labels.subarray(0, n) };
  return claim.points.map((p, i) => {
    const r = testAccuracy(network, split, { model: 'physical', mu: p.mu, gain: p.gain }, claim.seed, 'pm1', (done) => onProgress?.(i * n + done, claim.points.length * n));
    const [lo, hi] = clopperPearson(r.correct, r.count, claim.confidence);
    const min = claim.minPercent / 100;
    const verdict: BoxVerdict = lo >= min ? 'holds' : hi < min ? 'fails' : 'unknown';
    return { point: { mu: p.mu, gain: p.gain }, correct: r.correct, images: r.count, accuracyPercent: r.accuracyPercent, intervalPercent: [100 * lo, 100 * hi], confidence: claim.confidence, verdict };
  });
}
