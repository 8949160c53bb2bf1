import { countingDataLeak } from '../../bounds/countingDataLeak.js';
import { qfiDataLeak } from '../../bounds/qfiDataLeak.js';
import type { Attack } from '../attack.js';
import { passive, subadditiveBound } from '../_internal/serverAccounting.js';

/**
 * The quantum-optimal measurement of each returned mode (docs/model.md#server-capabilities). Per mode and row the
 * state is thermal with k·x̂_j² photons: every such state is diagonal in the photon-number
 * basis, so the Holevo quantity of a pixel's mode for the prior "a fraction p active, equal
 * values" equals the classical information of ideal photon counting — the Z channel with
 * η = 1, d = 0, attained by counting. Reported beside it: the quantum Fisher information
 * F_Q = 4k/(1 + k·x²) per row (the homodyne value 8k²x²/(1 + 2k·x²)² vanishes as x → 0),
 * the quantum Cramér–Rao standard deviation 1/√(M·F_Q) of x̂_j, and the QFI figure
 * ½·log2(1 + M·x²·F_Q) (a local-estimation figure, not information).
 * @public
 */
export const quantumOptimal: Attack = {
  name: 'quantum-optimal',
  side: 'server',
  summary: 'the optimal per-mode measurement: Holevo quantity of each mode (attained by ideal counting), with QFI and quantum Cramér–Rao',
  claimsOptimal: false,
  uses: ['gain', 'inputs', 'rows', 'activeFraction'],
  parameters: [],
  cost: 'fast',
  evaluate(c) {
    const k = (c.gain - 1) / c.gain;
    const n = c.activeFraction * c.inputs;
    const x2 = 1 / n;
    const qfi = (4 * k) / (1 + k * x2);
    const homodyneFisher = (8 * k * k * x2) / ((1 + 2 * k * x2) * (1 + 2 * k * x2));
    const bits = countingDataLeak({ gain: c.gain, inputs: c.inputs, activeFraction: c.activeFraction, rows: c.rows });
    return {
      ...passive(c, bits, subadditiveBound(c)),
      estimator: 'per-mode Holevo quantity for the prior "a fraction p active, equal values" (= ideal photon counting: the per-mode states commute)',
      details: { qfiPerRow: qfi, homodyneFisherPerRow: homodyneFisher, quantumCramerRaoStd: qfi > 0 ? 1 / Math.sqrt(c.rows * qfi) : 'unbounded (G = 1)', xHat: Math.sqrt(x2), qfiBits: qfiDataLeak(c.gain, c.rows, Math.max(1, n)) },
    };
  },
};
