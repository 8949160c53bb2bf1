import { COUNTING_BASES, type CountingBasisName } from '../../counting/countingBasis.js';
import { fanoInformation } from '../../counting/fanoInformation.js';
import { recognitionRate } from '../../counting/recognitionRate.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../../inference/encodePixels.js';
import type { Attack } from '../attack.js';
import { passive, symmetricBound } from '../kit/serverAccounting.js';
import { InputRangeError } from '../../inputError.js';

/** MNIST images have 28 × 28 pixels. */
const MNIST_PIXELS = 784;
/** One-sided z of the lower confidence limit on the recognition rate (3: 0.13 % chance to overstate it). */
const Z = 3;

/** Wilson score lower limit of a binomial proportion: correct of count at one-sided z. */
function wilsonLower(correct: number, count: number, z: number): number {
  const r = correct / count;
  const z2 = z * z;
  const centre = r + z2 / (2 * count);
  const spread = z * Math.sqrt((r * (1 - r)) / count + z2 / (4 * count * count));
  return Math.max(0, (centre - spread) / (1 + z2 / count));
}

/**
 * Counting after a passive unitary the server chooses (docs/model.md#server-capabilities): pixel basis, 2-D DCT,
 * principal components of public MNIST, or the ten class-mean directions. A photon lands in
 * output b with probability |⟨b|x̂⟩|². The server, trained only on the public training set,
 * names the client's digit from the counts of one inference (M rows); the recognition rate
 * over the test set is the semantic figure, and Fano's inequality turns its lower confidence
 * limit (Wilson, one-sided 3σ) into a lower bound on the information (bits per inference,
 * divided by N per data symbol).
 * @public
 */
export const transformCounting: Attack = {
  name: 'transform-counting',
  side: 'server',
  summary: 'applies a passive unitary of its choice (pixel, DCT, PCA, class templates), counts, and recognises the digit',
  claimsOptimal: false,
  uses: ['gain', 'inputs', 'rows', 'efficiency', 'darkCounts', 'seed'],
  parameters: [
    { name: 'basis', description: 'the server\'s measurement basis', kind: 'choice', choices: COUNTING_BASES, default: 'templates' },
    { name: 'encoding', description: 'the client\'s pixel encoding: pm1 (the paper\'s, [−1, 1]) or unit ([0, 1])', kind: 'choice', choices: PIXEL_ENCODINGS, default: 'pm1' },
    { name: 'images', description: 'MNIST test images scored', kind: 'integer', min: 1, max: 10000, default: 10000 },
  ],
  cost: 'slow',
  evaluate(c, p) {
    if (c.inputs !== MNIST_PIXELS) throw new InputRangeError(`inputs N must be ${MNIST_PIXELS} (28 × 28 MNIST pixels) for transform-counting; received ${c.inputs}`);
    const r = recognitionRate({ basis: p.basis as CountingBasisName, encoding: p.encoding as PixelEncoding, gain: c.gain, rows: c.rows, efficiency: c.efficiency, darkCounts: c.darkCounts, images: p.images as number, seed: c.seed });
    // Fano at the rate's lower confidence limit, never below chance (Fano's bound is positive
    // again below chance: always naming a wrong digit excludes one; a sampled rate below 1/10 is noise).
    const lower = wilsonLower(r.correct, r.count, Z);
    // Fano with the labels' own entropy H(C) (the test digits are not exactly uniform): log2 10 − H(C) less than the uniform form
    const classCounts = r.confusion.map((row) => row.reduce((a, b) => a + b, 0));
    const labelEntropy = classCounts.reduce((h, n) => (n > 0 ? h - (n / r.count) * Math.log2(n / r.count) : h), 0);
    const bits = lower > r.chanceLevel ? Math.max(0, fanoInformation(lower) - (Math.log2(10) - labelEntropy)) : 0;
    return {
      kind: 'achieved',
      ...passive(c, bits / c.inputs, symmetricBound(c)),
      estimator: `Fano lower bound on the information, at the ${Z}σ lower confidence limit of the digit-recognition rate over ${r.count} MNIST test images, per data symbol`,
      details: { recognitionRate: r.recognitionRate, recognitionStandardError: r.standardError, recognitionRateLowerLimit: lower, chanceLevel: r.chanceLevel, correct: r.correct, count: r.count, fanoBitsPerInference: bits, fanoBitsAtObservedRate: r.fanoBits, basis: p.basis as string, encoding: p.encoding as string, meanPhotonsPerInference: r.meanPhotons, outputs: r.outputs },
    };
  },
};
