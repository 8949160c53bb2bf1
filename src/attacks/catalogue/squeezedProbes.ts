import { addedPhotons } from '../../protocol/addedPhotons.js';
import { binaryEntropy } from '../../kernels/binaryEntropy.js';
import { detectionProbability } from '../../verification/detectionProbability.js';
import type { Attack } from '../attack.js';

/**
 * A dishonest server with two-mode squeezed probes (docs/model.md#server-capabilities, docs/model.md#attacks): instead of coherent
 * states it sends one arm of a two-mode squeezed vacuum with n_s photons per mode (its
 * means still carry α·w) and keeps the idlers. The client's amplifier adds thermal noise
 * k·x̂_j² to mode j per row; the server un-squeezes each returned mode with its idler and
 * counts: the probability of no photon is the fidelity of the returned pair with the probe,
 * 1/(1 + (2n_s + 1)·k·x̂_j²) (Gaussian overlap; n_s = 0 gives the coherent-probe value
 * 1/(1 + k·x̂_j²)), so squeezing multiplies the client's noise by 2n_s + 1 as far as the
 * server's counting sees. Gain: the Z-channel information per pixel for the prior "a
 * fraction p active, equal values". The client can catch it: if the server reveals the
 * weights of m random check modes, the client's homodyne sees variance 2n_s + 1 instead of
 * 1 (chi-square test at confidence 1 − δ). No protocol bound applies to a server that
 * sends other states than it announced; the bound given is the entropy h₂(p) of a pixel's
 * activity, the most any measurement can learn of it.
 * @public
 */
export const squeezedProbes: Attack = {
  name: 'squeezed-probes',
  side: 'server',
  summary: 'a dishonest server sends two-mode squeezed probes, keeps the idlers, and counts after un-squeezing',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  parameters: [{ name: 'probe-photons', description: 'mean photons n_s of each squeezed probe mode (sinh² r)', kind: 'number', min: 0, max: 1e4, default: 1 }],
  cost: 'fast',
  evaluate(c, p) {
    const ns = p['probe-photons'] as number;
    const k = addedPhotons(c.gain);
    const s = 1 / (c.activeFraction * c.inputs);
    const enhancement = 2 * ns + 1;
    const click = (factor: number) => -Math.expm1(-c.rows * Math.log1p(factor * k * s));
    const zChannel = (q: number) => Math.max(0, binaryEntropy(c.activeFraction * q) - c.activeFraction * binaryEntropy(q));
    const bits = zChannel(click(enhancement));
    const check = detectionProbability({ samples: c.samples, delta: c.delta, mu: c.mu, honest: { transmittance: 1, excessNoise: 0 }, actual: { transmittance: 1, excessNoise: 2 * ns } });
    return {
      kind: 'achieved',
      bitsPerSymbol: bits,
      totalBits: bits * c.inputs,
      symbols: c.inputs,
      numericalError: 0,
      estimator: 'Z-channel information per pixel after un-squeezing and counting (no-click probability = fidelity with the probe, 1/(1 + (2n_s + 1)·k·x̂²) per row)',
      boundBitsPerSymbol: binaryEntropy(c.activeFraction),
      bound: 'entropy h₂(p) of a pixel\'s activity (no protocol bound holds against a server that sends other states than it announces)',
      excessNoise: 2 * ns,
      lossIncrease: 0,
      detectionProbability: check.excessNoiseTest.probability,
      details: { probePhotons: ns, noiseEnhancement: enhancement, coherentProbeBits: zChannel(click(1)), clientCheck: 'homodyne of m revealed check modes, excess variance 2n_s (chi-square)' },
    };
  },
};
