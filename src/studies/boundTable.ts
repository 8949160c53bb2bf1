/**
 * A table for publication: a grid of one quantity over two parameters, with everything
 * needed to regenerate it (model, preset, fixed parameters, qsdl version).
 * @public
 */
export interface BoundTable {
  /** File stem, e.g. `weight-leakage-vs-gain`. */
  readonly id: string;
  /** Caption (one sentence, with units). */
  readonly title: string;
  /** The quantity in the cells, with its unit, e.g. `χ_W (bits per weight symbol)`. */
  readonly quantity: string;
  /** The model or preset that produced the cells. */
  readonly model: string;
  /** Parameters held fixed, with units in the keys. */
  readonly fixed: Readonly<Record<string, number | string>>;
  /** Row parameter: name (with unit) and values. */
  readonly rows: TableAxis<number>;
  /** Column parameter: name (with unit) and values or labels. */
  readonly columns: TableAxis<number | string>;
  /** cells[i][j]: the quantity at row i, column j. */
  readonly cells: readonly (readonly number[])[];
  /** qsdl version that computed the table. */
  readonly qsdlVersion: string;
}

/** One axis of a {@link BoundTable}. @public */
export interface TableAxis<T> {
  /** Parameter name with its unit, e.g. `μ (photons per weight symbol)`. */
  readonly name: string;
  /** Its values, in table order. */
  readonly values: readonly T[];
}
