/** The paper's headline claim as thresholds. @public */
export interface HeadlineCriteria {
  /** Accuracy at least this (percent). @defaultValue 96 */
  readonly minAccuracyPercent: number;
  /** χ_W at most this (bits per weight symbol). @defaultValue 0.1 */
  readonly maxWeightBits: number;
  /** Data leakage at most this (bits per data symbol). @defaultValue 0.01 */
  readonly maxDataBits: number;
}

/**
 * The paper's claim (Sulimany et al., arXiv:2408.05629): accuracy above 96 % (percent), weight
 * leakage below 0.1 bit per weight symbol, data leakage below 0.01 bit per data symbol. This is
 * the one place the thresholds are written: every study, renderer and command reads them here.
 * @public
 */
export const PAPER_HEADLINE: Readonly<HeadlineCriteria> = Object.freeze({ minAccuracyPercent: 96, maxWeightBits: 0.1, maxDataBits: 0.01 });
