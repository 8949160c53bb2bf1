/**
 * Floor of the physicality tolerance (SNU), public as DEFAULT_STATE_TOLERANCE (reason
 * stated there: four orders above the measured round-off for max|V_ij| ≲ 1e2, and below
 * any physically meaningful defect).
 * @internal
 */
export const STATE_TOLERANCE_FLOOR = 1e-9;

/**
 * Round-off of the symplectic eigenvalues is about u·‖V‖·‖S‖² (S the Williamson
 * symplectic, ‖S‖² ≤ ‖V‖): measured 0.2–0.4·u·m² for two-mode squeezed vacua with
 * m = max|V_ij| from 1e2 to 1e5 (proofs/gaussian-engine.md §5). 16·u·m² covers that
 * with a margin of 40.
 */
const ROUNDOFF_FACTOR = 16 * 2 ** -53;

/**
 * The tolerance used when the caller gives none: max(STATE_TOLERANCE_FLOOR = 1e-9,
 * 16·u·m²), m = max|V_ij| (SNU), so that states whose entries are large (strong
 * squeezing) are not rejected for their own round-off.
 * @internal
 */
export function defaultTolerance(cov: Float64Array): number {
  let m = 0;
  for (let i = 0; i < cov.length; i += 1) m = Math.max(m, Math.abs(cov[i] as number));
  return Math.max(STATE_TOLERANCE_FLOOR, ROUNDOFF_FACTOR * m * m);
}
