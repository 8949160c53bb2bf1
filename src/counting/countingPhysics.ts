/**
 * The detection settings every photon-counting simulation takes (docs/model.md#server-capabilities). Photon number
 * per row is given either as the client gain G (k = (G − 1)/G) or directly as k.
 * @public
 */
export interface CountingPhysics {
  /** Client amplifier gain G ≥ 1; sets k = (G − 1)/G. Give this or `k`, not both. */
  readonly gain?: number | undefined;
  /** Mean thermal photons per row along x̂, k ≥ 0 (before detection). Give this or `gain`, not both. */
  readonly k?: number | undefined;
  /** Rows M of the layer (independent rows sharing x̂), an integer ≥ 1. @defaultValue 784 (first layer of the 784-784-10 network) */
  readonly rows?: number | undefined;
  /** Detector efficiency η ∈ (0, 1]: each photon is detected independently with probability η. @defaultValue 1 */
  readonly efficiency?: number | undefined;
  /** Dark counts d ≥ 0: mean false counts per output per row (Poisson). @defaultValue 0 */
  readonly darkCounts?: number | undefined;
}
