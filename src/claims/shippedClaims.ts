/**
 * The claims files qsdl ships in `claims/` (docs/claims.md#shipped), in the order
 * `qsdl audit` runs them: the paper's claims as published (2024 and 2025), the same
 * thresholds with the physically right quantities, and against stronger models.
 * @public
 */
export const SHIPPED_CLAIMS: readonly string[] = Object.freeze(['paper-2024', 'paper-2025', 'corrected', 'stronger-models']);
