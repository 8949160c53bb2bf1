import { PAIR_INTERFEROMETERS, pairCountInformation, pairCountLowerLimit, NULL_PERMUTATIONS, type PairInterferometer } from '../../counting/pairCountInformation.js';
import { recognitionRate } from '../../counting/recognitionRate.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../../inference/encodePixels.js';
import type { Attack } from '../attack.js';
import { passive, subadditiveBound, symmetricBound } from '../kit/serverAccounting.js';
import { InputRangeError } from '../../inputError.js';

/** MNIST images have 28 × 28 pixels. */
const MNIST_PIXELS = 784;
/** Standard errors below the Monte Carlo estimate at which the gain is reported (one-sided 0.13 %). */
const Z = 3;

/**
 * Interferometric counting (docs/model.md#server-capabilities, proofs/interferometric-counting.md):
 * the server interferes the returned modes of each row on a passive network of 50:50 beam
 * splitters, each acting on one pair of pixels, removes its displacement and counts (efficiency
 * η, dark counts d). A photon leaves port ± of pair (i, j) with probability (x̂_i ± x̂_j)²/2, so
 * the counts read whether two pixels agree — the signs that per-mode counting cannot see, and
 * under the paper's pm1 encoding the only thing that distinguishes ink from background.
 * Interferometers (`network`): `random-pairs`, `adjacent-pairs`, and `fitted-pairs` (a pairing
 * fitted on public training images to maximise what the ports reveal: varying pixels are paired
 * with always-background ones, which act as a phase reference). Gain: the per-pixel information
 * of the counts about the pixels' ink (Monte Carlo on MNIST test images, {@link pairCountInformation}),
 * at its lower 3-standard-error confidence limit. Also: how often the server names the
 * client's digit from the counts of one inference (the `transform-counting` classifier in the
 * same basis).
 * @public
 */
export const interferometricCounting: Attack = {
  name: 'interferometric-counting',
  side: 'server',
  summary: 'interferes pixel pairs on 50:50 splitters before counting: reads the signs per-mode counting cannot see',
  claimsOptimal: false,
  uses: ['gain', 'inputs', 'rows', 'efficiency', 'darkCounts', 'seed'],
  parameters: [
    { name: 'network', description: 'the server\'s interferometer: random-pairs, adjacent-pairs or fitted-pairs (fitted on public training images)', kind: 'choice', choices: PAIR_INTERFEROMETERS, default: 'fitted-pairs' },
    { name: 'encoding', description: 'the client\'s pixel encoding: pm1 (the paper\'s, [−1, 1]) or unit ([0, 1])', kind: 'choice', choices: PIXEL_ENCODINGS, default: 'pm1' },
    { name: 'images', description: 'MNIST test images simulated (at least 2: the standard error is taken across images)', kind: 'integer', min: 2, max: 10000, default: 10000 },
  ],
  cost: 'slow',
  evaluate(c, p) {
    if (c.inputs !== MNIST_PIXELS) throw new InputRangeError(`inputs N must be ${MNIST_PIXELS} (28 × 28 MNIST pixels) for interferometric-counting; received ${c.inputs}`);
    const physics = { gain: c.gain, rows: c.rows, efficiency: c.efficiency, darkCounts: c.darkCounts, seed: c.seed };
    const interferometer = p.network as PairInterferometer;
    const encoding = p.encoding as PixelEncoding;
    const images = p.images as number;
    const info = pairCountInformation({ ...physics, interferometer, encoding, images });
    const r = recognitionRate({ ...physics, basis: interferometer, encoding, images });
    const photonNumber = symmetricBound(c);
    return {
      ...passive(c, pairCountLowerLimit(info, Z), subadditiveBound(c)),
      kind: 'achieved',
      estimator: `information of each pixel pair's two port counts about the pair's ink, summed over pairs, per pixel: Monte Carlo on ${info.images} MNIST test images (${encoding} encoding), plug-in less the Miller–Madow bias, reported ${Z} standard errors below the estimate less the largest of ${NULL_PERMUTATIONS} estimates with the counts shuffled against the images (the estimator's value when nothing is learned; 0 when no signal photon is detected)`,
      details: {
        network: interferometer,
        encoding,
        estimate: info.bitsPerPixel,
        standardError: info.standardError,
        permutationNull: info.nullBits,
        recognitionRate: r.recognitionRate,
        recognitionStandardError: r.standardError,
        chanceLevel: r.chanceLevel,
        photonNumberBoundBitsPerSymbol: photonNumber.value,
        differingPairFraction: info.differingPairFraction,
        meanPhotonsPerInference: info.meanPhotons,
      },
    };
  },
};
