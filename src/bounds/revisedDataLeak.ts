import { atLeast, positive } from '../_internal/validate.js';
import { addedPhotons } from '../protocol/addedPhotons.js';

/**
 * The authors' revised (2025) data-leakage figure, in bits per data symbol
 * (docs/model.md#homodyne-models):
 *
 *   I_x = ½·log2(1 + 4·(M/n)·(G − 1)²/(G·(3G − 2))).
 *
 * Their accuracy map (Maps.m, 2025) uses n = N/2 = 392 and M = 784 + 10; their
 * leakage-versus-size figure uses n = N (the neuron count) and M = 784. Both are
 * reachable by choosing n and M. Like the 2024 figure it is a model of a
 * homodyning server, not an upper bound (docs/model.md#server-capabilities). Evaluated with log1p.
 *
 * @param gain - client amplifier gain G ≥ 1
 * @param rows - M > 0 (number of rows the data passes through)
 * @param samples - n > 0
 * @returns bits per data symbol (≥ 0)
 * @example revisedDataLeak(1, 794, 392)   // returns 0
 * @example revisedDataLeak(2, 784, 392)   // returns ½·log2(1 + 8·(1/8)) = 0.5
 * @example revisedDataLeak(2, 784, 5e-324) // returns ≈ 541.3 (M/n overflows a double; evaluated through logarithms)
 * @public
 */
export function revisedDataLeak(gain: number, rows: number, samples: number): number {
  const g = atLeast('gain G', gain, 1);
  const m = positive('rows M', rows);
  const n = positive('samples n', samples);
  return revisedKernel(g, addedPhotons(g), m, n);
}

/** Kernel of {@link revisedDataLeak}, with k = (G − 1)/G given; no validation. */
function revisedKernel(gain: number, k: number, rows: number, samples: number): number {
  // 4(M/n)(G − 1)²/(G(3G − 2)) as a product of ratios: no overflow for huge G, no cancellation near G = 1.
  // (G − 1)²/(G(3G − 2)) = ((G − 1)/G)²/(3 − 2/G) = k²/(3 − 2/G).
  if (k === 0) return 0;
  const a = (4 * (rows / samples) * k * k) / (3 - 2 / gain);
  if (Number.isFinite(a)) return (0.5 * Math.log1p(a)) / Math.LN2;
  // M/n (or the whole argument) beyond the double range, e.g. n = f·N with a subnormal f: then a > 1.7e308
  // and log1p(a) = ln a to far below an ulp, taken as a sum of logarithms.
  return (0.5 * (Math.log(4) + Math.log(rows) - Math.log(samples) + 2 * Math.log(k) - Math.log(3 - 2 / gain))) / Math.LN2;
}
