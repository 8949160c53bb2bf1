import { addNoise } from '../../gaussian/addNoise.js';
import { heterodyneConditional } from '../../gaussian/heterodyneConditional.js';
import { keepModes } from '../../gaussian/keepModes.js';
import { pureLoss } from '../../gaussian/pureLoss.js';
import { twoModeSqueezedVacuum } from '../../gaussian/twoModeSqueezedVacuum.js';
import { symplecticEigenvalues } from '../../gaussian/symplecticEigenvalues.js';
import { thermalEntropy } from '../../kernels/thermalEntropy.js';
import { withKind } from '../kit/withKind.js';
import type { Attack } from '../attack.js';
import { addLoss, clientOutcome, honestActiveNoise, type SeenChannel } from '../kit/clientAccounting.js';

/**
 * Absolute error of the engine's symplectic eigenvalues of these nearly pure two-mode
 * states, in units of ε_mach·v² (ε_mach = Number.EPSILON = 2^−52 = 2u, v = 2μ + 2 + ε the
 * largest covariance entry plus one): measured ≤ 1.375 u·v² = 0.69 ε_mach·v² for μ from 1 to
 * 1e5 and T ∈ {1, 0.999, 0.9, 0.5} (pure-loss TMSV, exact spectrum {1, 1 + 2(1 − T)μ}; the
 * Cholesky route loses a factor v when the state is almost pure); 4 leaves a margin of about 6.
 */
const EIGENVALUE_ERROR_FACTOR = 4;

/** Entropy change (bits) when ν − 1 = `excess` moves by ±δ: the round-off an eigenvalue error δ can cause. */
function entropyError(excess: number, delta: number): number {
  return thermalEntropy((excess + delta) / 2) - thermalEntropy(Math.max(0, excess - delta) / 2);
}

/**
 * Holevo information, bits per symbol, of the purification of one mode's channel
 * (loss L, output-referred noise ε) about a Gaussian-modulated coherent input with μ
 * photons, computed at state level by the Gaussian engine in the EPR picture: A, B a
 * two-mode squeezed vacuum of variance 2μ + 1, B through the channel, the cloner holding
 * the rest of the purification E, so χ = S(E) − S(E | a) = S(AB) − S(B | a). Returns the
 * value and the error its eigenvalues' round-off can cause.
 */
function clonerHolevo(mu: number, loss: number, noise: number): { readonly bits: number; readonly error: number } {
  let ab = twoModeSqueezedVacuum({ variance: 2 * mu + 1 });
  if (loss > 0) ab = pureLoss(ab, 1, 1 - loss);
  if (noise > 0) ab = addNoise(ab, 1, noise);
  const bGivenA = keepModes(heterodyneConditional(ab, 0, { q: 0, p: 0 }), [0]);
  const joint = symplecticEigenvalues(ab).excess;
  const conditional = symplecticEigenvalues(bGivenA).excess;
  const entropy = (excess: readonly number[]) => excess.reduce((sum, e) => sum + thermalEntropy(Math.max(0, e) / 2), 0);
  const norm = 2 * mu + 2 + noise; // largest entry 2μ + 1 + ε, plus one
  const delta = EIGENVALUE_ERROR_FACTOR * Number.EPSILON * norm * norm;
  const error = [...joint, ...conditional].reduce((sum, e) => sum + entropyError(Math.max(0, e), delta), 0);
  return { bits: Math.max(0, entropy(joint) - entropy(conditional)), error };
}

/**
 * The entangling cloner (docs/model.md#attacks): on every mode the client replaces the channel the
 * server expects by a Gaussian channel with the same (or a chosen larger) loss and noise
 * and keeps its whole purification — the Gaussian collective attack that reaches χ_W.
 * Per mode it imposes loss ΔL on top of T and the noise the server expects plus Δε; its
 * information is evaluated by the Gaussian engine, independently of the closed form of the
 * bound, so the contract's "optimal attacks reach the bound" compares two computations.
 * @public
 */
export const entanglingCloner: Attack = {
  name: 'entangling-cloner',
  side: 'client',
  summary: 'a Gaussian cloner on every mode keeps the channel\'s purification: reaches χ_W (the optimal collective attack)',
  claimsOptimal: true,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  parameters: [
    { name: 'extra-noise', description: 'excess noise Δε the cloner adds per mode beyond what the server expects (SNU)', kind: 'number', min: 0, max: 10, default: 0 },
    { name: 'extra-loss', description: 'loss ΔL the cloner adds per mode (power fraction)', kind: 'number', min: 0, max: 1, openMax: true, default: 0 },
  ],
  cost: 'fast',
  evaluate(c, p) {
    const dEps = p['extra-noise'] as number;
    const dLoss = p['extra-loss'] as number;
    const seen: SeenChannel = { loss: addLoss(1 - c.transmittance, dLoss), activeNoise: honestActiveNoise(c) + c.technicalNoise + dEps, inactiveNoise: c.technicalNoise + dEps, rowNoise: 'per-mode' };
    const active = clonerHolevo(c.mu, seen.loss, seen.activeNoise);
    const inactive = clonerHolevo(c.mu, seen.loss, seen.inactiveNoise);
    const perSymbol = c.activeFraction * active.bits + (1 - c.activeFraction) * inactive.bits;
    return withKind('holevo', clientOutcome(
      c,
      seen,
      perSymbol,
      'Holevo information of the channel\'s purification, S(AB) − S(B | a), from the Gaussian engine (symplectic eigenvalues)',
      { activeSymbolBits: active.bits, zeroEntrySymbolBits: inactive.bits },
      c.activeFraction * active.error + (1 - c.activeFraction) * inactive.error,
    ));
  },
};
