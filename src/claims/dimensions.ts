/**
 * The dimensions an operating region of a claim can span (docs/claims.md#region), with
 * their units, allowed range and the scale on which branch-and-bound bisects them
 * (logarithmic for quantities that span decades).
 * @public
 */
export type DimensionName = 'mu' | 'gain' | 'inputs' | 'rows' | 'transmittance' | 'technicalNoise' | 'technicalPhotons' | 'efficiency' | 'queries' | 'clients';

/** How one dimension is described, checked and bisected. @public */
export interface DimensionInfo {
  /** Its name in claims files and certificates. */
  readonly name: DimensionName;
  /** Symbol and unit, for messages and reports. */
  readonly label: string;
  /** Smallest allowed value (inclusive unless `openBelow`). */
  readonly min: number;
  /** Largest allowed value (inclusive). */
  readonly max: number;
  /** True when `min` itself is excluded. */
  readonly openBelow: boolean;
  /** `log`: bisect at the geometric mean; `linear`: at the arithmetic mean. */
  readonly scale: 'log' | 'linear';
}

/** Every dimension, in the fixed order used by certificates' box paths (index = position). @public */
export const DIMENSIONS: readonly DimensionInfo[] = Object.freeze([
  { name: 'mu', label: 'μ (photons per weight symbol)', min: 0, max: 1e12, openBelow: true, scale: 'log' },
  { name: 'gain', label: 'G (client gain)', min: 1, max: 1e6, openBelow: false, scale: 'linear' },
  { name: 'inputs', label: 'N (inputs per row)', min: 1, max: 1e9, openBelow: false, scale: 'log' },
  { name: 'rows', label: 'M (rows)', min: 1, max: 1e10, openBelow: false, scale: 'log' },
  { name: 'transmittance', label: 'T (round-trip power transmittance)', min: 0, max: 1, openBelow: true, scale: 'linear' },
  { name: 'technicalNoise', label: 'ε_tech (technical excess noise, SNU, output-referred)', min: 0, max: 10, openBelow: false, scale: 'linear' },
  { name: 'technicalPhotons', label: 't (technical-noise photons per row along x̂)', min: 0, max: 100, openBelow: false, scale: 'linear' },
  { name: 'efficiency', label: 'η (server detector efficiency)', min: 0, max: 1, openBelow: true, scale: 'linear' },
  { name: 'queries', label: 'Q (inferences with the same weights)', min: 1, max: 1e9, openBelow: false, scale: 'log' },
  { name: 'clients', label: 'K (colluding clients)', min: 1, max: 1e6, openBelow: false, scale: 'log' },
] as const satisfies readonly DimensionInfo[]);

/** Dimension names in certificate order. @public */
export const DIMENSION_NAMES: readonly DimensionName[] = Object.freeze(DIMENSIONS.map((d) => d.name));

/** A closed interval [lo, hi] of one dimension (lo = hi: a fixed value). @public */
export type Range = readonly [number, number];

/** A box of the operating region: a range for every dimension. @public */
export type Box = Readonly<Record<DimensionName, Range>>;

/** A point of the operating region. @public */
export type Point = Readonly<Record<DimensionName, number>>;
