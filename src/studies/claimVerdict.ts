/**
 * A verdict on a claim (docs/model.md#claims):
 * - `holds`: a proven upper bound (or an exact value, or for accuracy the measured value)
 *   meets the threshold;
 * - `fails`: an exact value, a measured accuracy or an achieved attack — a strategy that
 *   anyone can run again — misses it;
 * - `unknown`: only an upper bound misses the threshold and no attack reaches it, so
 *   the claim can be neither certified nor refuted with qsdl's bounds and attacks.
 * @public
 */
export type ClaimVerdict = 'holds' | 'fails' | 'unknown';

/** What a number is, which decides what it can prove about a claim. @public */
export type EvidenceKind =
  /** Measured: an accuracy simulated on the test images (statistical, for the named network). */
  | 'measured'
  /** A proven upper bound on what an adversary learns (under the model's stated assumptions). */
  | 'bound'
  /** What an attack that really runs achieves: a lower bound on what an adversary learns. */
  | 'achieved'
  /** A published model that is neither a bound nor achieved (shown for comparison, proves nothing). */
  | 'model';

/**
 * Combine the verdicts of a claim's parts: any part that fails makes the claim fail,
 * all parts holding make it hold, anything else is unknown.
 * @param parts - the verdict of each part
 * @returns the claim's verdict
 * @example combineVerdicts(['holds', 'unknown']) // returns 'unknown'
 * @example combineVerdicts(['holds', 'fails', 'unknown']) // returns 'fails'
 * @public
 */
export function combineVerdicts(parts: readonly ClaimVerdict[]): ClaimVerdict {
  if (parts.includes('fails')) return 'fails';
  return parts.every((p) => p === 'holds') ? 'holds' : 'unknown';
}
