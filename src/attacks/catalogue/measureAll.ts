import { withKind } from '../kit/withKind.js';
import type { Attack } from '../attack.js';
import { clientOutcome, type SeenChannel } from '../kit/clientAccounting.js';

/** Excess noise of heterodyne-and-re-prepare at unit gain (SNU): the estimate's two vacuum units. */
const MEASURE_AND_PREPARE_NOISE = 2;

/**
 * Measure-all: the client heterodynes every mode and re-prepares a coherent state at its
 * estimate (unit gain, so the server sees the declared T). Heterodyne of a coherent state
 * with modulation 2Tμ per quadrature: log2(1 + Tμ) bits per weight symbol. The
 * re-preparation adds 2 SNU of excess noise on every mode.
 * @public
 */
export const measureAll: Attack = {
  name: 'measure-all',
  side: 'client',
  summary: 'heterodynes every mode and re-prepares coherent states at the estimates (adds 2 SNU per mode)',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  parameters: [],
  cost: 'fast',
  evaluate(c) {
    const perSymbol = Math.log1p(c.transmittance * c.mu) / Math.LN2;
    const noise = MEASURE_AND_PREPARE_NOISE + c.technicalNoise;
    const seen: SeenChannel = { loss: 1 - c.transmittance, activeNoise: noise, inactiveNoise: noise, rowNoise: 'per-mode' };
    return withKind('achieved', clientOutcome(c, seen, perSymbol, 'Shannon information of heterodyne on every mode, log2(1 + Tμ) bits per weight symbol', { seenNoise: noise }));
  },
};
