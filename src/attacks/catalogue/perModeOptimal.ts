import { addedPhotons } from '../../protocol/addedPhotons.js';
import { countingDataLeak } from '../../bounds/countingDataLeak.js';
import { qfiDataLeak } from '../../bounds/qfiDataLeak.js';
import type { Attack } from '../attack.js';
import { passive, subadditiveBound } from '../kit/serverAccounting.js';

/**
 * The optimal measurement of each returned mode on its own (docs/model.md#server-capabilities):
 * optimal over per-mode measurements only, not over measurements of a row. (Its former name
 * `quantum-optimal` is accepted as an alias.) The joint state of a row's N modes does not
 * commute across x, and a server that interferes modes before counting learns more
 * (`interferometric-counting`; N = 2, x̂ = (1, ±1)/√2: every per-mode Holevo quantity is 0,
 * the joint one 1 − (1 + k)^−M). Per mode and row the
 * state is thermal with k·x̂_j² photons: every such state is diagonal in the photon-number
 * basis, so the Holevo quantity of a pixel's mode for the prior "a fraction p active, equal
 * values" equals the classical information of ideal photon counting — the Z channel with
 * η = 1, d = 0, attained by counting. Reported beside it: the quantum Fisher information
 * F_Q = 4k/(1 + k·x²) per row (the homodyne value 8k²x²/(1 + 2k·x²)² vanishes as x → 0),
 * the quantum Cramér–Rao standard deviation 1/√(M·F_Q) of x̂_j, and the QFI figure
 * ½·log2(1 + M·x²·F_Q) (a local-estimation figure, not information).
 * @public
 */
export const perModeOptimal: Attack = {
  name: 'per-mode-optimal',
  side: 'server',
  summary: 'the optimal measurement of each mode alone (not of a row): per-mode Holevo quantity, attained by ideal counting; QFI, quantum Cramér–Rao',
  claimsOptimal: false,
  uses: ['gain', 'inputs', 'rows', 'activeFraction'],
  parameters: [],
  cost: 'fast',
  evaluate(c) {
    const k = addedPhotons(c.gain);
    const n = c.activeFraction * c.inputs;
    const x2 = 1 / n;
    const qfi = (4 * k) / (1 + k * x2);
    const homodyneFisher = (8 * k * k * x2) / ((1 + 2 * k * x2) * (1 + 2 * k * x2));
    const bits = countingDataLeak({ gain: c.gain, inputs: c.inputs, activeFraction: c.activeFraction, rows: c.rows });
    return {
      kind: 'achieved',
      ...passive(c, bits, subadditiveBound(c)),
      estimator: 'per-mode Holevo quantity for the prior "a fraction p active, equal values", attained by ideal photon counting of each mode (the per-mode states commute); optimal per mode only, not over measurements across modes',
      details: { qfiPerRow: qfi, homodyneFisherPerRow: homodyneFisher, quantumCramerRaoStd: qfi > 0 ? 1 / Math.sqrt(c.rows * qfi) : 'unbounded (G = 1)', xHat: Math.sqrt(x2), qfiBits: qfiDataLeak(c.gain, c.rows, Math.max(1, n)) },
    };
  },
};
