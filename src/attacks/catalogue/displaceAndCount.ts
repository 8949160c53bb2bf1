import { addedPhotons } from '../../protocol/addedPhotons.js';
import { countingDataLeak } from '../../bounds/countingDataLeak.js';
import { pixelCountInformation } from '../../counting/pixelCountInformation.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../../inference/encodePixels.js';
import type { Attack, AttackEvaluation } from '../attack.js';
import { passive, subadditiveBound } from '../kit/serverAccounting.js';
import { InputRangeError } from '../../inputError.js';

/** MNIST images have 28 × 28 pixels: the Monte Carlo runs on the first layer of the paper's network. */
const MNIST_PIXELS = 784;
/** Standard errors below the Monte Carlo estimate at which its gain is reported (one-sided 0.13 %). */
const Z = 3;

/**
 * Displace-and-count (docs/model.md#server-capabilities): the server removes its known displacement from each
 * returned mode and counts photons, with detector efficiency η and d dark counts per mode
 * per row. `method analytic`: the per-pixel information of the Z channel for the prior "a
 * fraction p of the N pixels active, equal values" (q1, q0 the click probabilities of an
 * active and an idle pixel over M rows): h₂(p·q1 + (1 − p)·q0) − p·h₂(q1) − (1 − p)·h₂(q0).
 * `method monte-carlo`: a seeded simulation of the counts on real MNIST first-layer inputs
 * (test images in the chosen encoding), the mutual information between each pixel's ink and
 * its count class, bits per pixel (bias-corrected plug-in estimate, reported at its lower
 * 3-standard-error confidence limit; the estimate itself is in the details).
 * @public
 */
export const displaceAndCount: Attack = {
  name: 'displace-and-count',
  side: 'server',
  summary: 'removes its displacement and counts photons per mode (efficiency η, dark counts): who clicks reveals x̂',
  claimsOptimal: false,
  uses: ['gain', 'inputs', 'rows', 'activeFraction', 'efficiency', 'darkCounts', 'seed'],
  parameters: [
    { name: 'method', description: 'analytic (stylised prior) or monte-carlo (real MNIST inputs)', kind: 'choice', choices: ['analytic', 'monte-carlo'], default: 'analytic' },
    { name: 'encoding', description: 'the client\'s pixel encoding: pm1 (the paper\'s, [−1, 1]) or unit ([0, 1]); displace-and-count: with method monte-carlo only', kind: 'choice', choices: PIXEL_ENCODINGS, default: 'pm1', onlyWith: { method: 'monte-carlo' } },
    { name: 'images', description: 'MNIST test images simulated (displace-and-count: with method monte-carlo only, at least 2, the standard error is taken across images)', kind: 'integer', min: 1, max: 10000, default: 1000, onlyWith: { method: 'monte-carlo' } },
  ],
  cost: 'slow',
  evaluate(c, p): AttackEvaluation {
    const physics = { gain: c.gain, rows: c.rows, efficiency: c.efficiency, darkCounts: c.darkCounts };
    if (p.method === 'analytic') {
      const bits = countingDataLeak({ ...physics, inputs: c.inputs, activeFraction: c.activeFraction });
      return {
        kind: 'achieved',
        ...passive(c, bits, subadditiveBound(c)),
        estimator: 'Z-channel information per pixel for the prior "a fraction p active, equal values" (closed form)',
        details: { method: 'analytic', photonsPerRow: addedPhotons(c.gain) },
      };
    }
    if (c.inputs !== MNIST_PIXELS) throw new InputRangeError(`inputs N must be ${MNIST_PIXELS} (28 × 28 MNIST pixels) for method monte-carlo; received ${c.inputs}`);
    if ((p.images as number) < 2) throw new InputRangeError(`parameter images of attack displace-and-count must be at least 2 for method monte-carlo (its standard error is taken across images); received ${p.images as number}`);
    const mc = pixelCountInformation({ ...physics, encoding: p.encoding as PixelEncoding, images: p.images as number, seed: c.seed });
    return {
      kind: 'achieved',
      // The gain is the estimate's lower confidence limit (3 standard errors, ≥ 0): a sampled estimate
      // where the true value is ~0 would otherwise overstate it, or dip below 0.
      ...passive(c, Math.max(0, mc.bitsPerPixel - Z * mc.standardError), subadditiveBound(c)),
      estimator: `mutual information between each pixel's ink and its count class, Monte Carlo on ${mc.pixels / MNIST_PIXELS} MNIST test images (${p.encoding as string} encoding): the bias-corrected plug-in estimate less ${Z} standard errors`,
      details: { method: 'monte-carlo', encoding: p.encoding as string, estimate: mc.bitsPerPixel, standardError: mc.standardError, inkClickRate: mc.inkClickRate, backgroundClickRate: mc.backgroundClickRate, meanPhotonsPerInference: mc.meanPhotons, inkFraction: mc.inkFraction },
    };
  },
};
