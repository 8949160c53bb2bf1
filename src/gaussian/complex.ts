/**
 * A complex number re + i·im (dimensionless; as a coherent amplitude β, ⟨q⟩ = 2 re and
 * ⟨p⟩ = 2 im in shot-noise units).
 * @public
 */
export interface Complex {
  /** Real part. */
  readonly re: number;
  /** Imaginary part. */
  readonly im: number;
}

/**
 * A complex k×k matrix as its real and imaginary parts (arrays of rows); `im` omitted
 * means a real matrix. Used for passive unitaries: mode operators transform as
 * a_i → Σ_j U_ij a_j.
 * @public
 */
export interface ComplexMatrix {
  /** Real part, k rows of k entries. */
  readonly re: readonly (readonly number[])[];
  /** Imaginary part, k rows of k entries. @defaultValue all zeros */
  readonly im?: readonly (readonly number[])[] | undefined;
}
