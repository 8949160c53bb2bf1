import type { DataLeakInput, PublishedDataLeakModel } from '../bounds/dataLeak.js';
import type { WeightLeakInput } from '../bounds/holevoWeightLeak.js';

/** Names of the presets that reproduce the authors' published code. @public */
export type PresetName = 'paper-2024' | 'paper-2025';

/**
 * An operating point of the protocol: mean photon number per weight symbol μ,
 * client gain G ≥ 1, inputs N, active fraction f, power transmittance T, rows M.
 * @public
 */
export interface OperatingPoint {
  /** Mean photon number per weight symbol μ ≥ 0. */
  readonly mu: number;
  /** Client amplifier gain G ≥ 1. */
  readonly gain: number;
  /** Inputs (modes per row) N. */
  readonly inputs: number;
  /** Fraction f of non-zero inputs, in (0, 1]. */
  readonly activeFraction: number;
  /** Power transmittance T in (0, 1]. */
  readonly transmittance: number;
  /** Rows M the data passes through (used by the paper-2025 data model). */
  readonly rows: number;
}

/** One row of the leakage-versus-neurons / leakage-versus-loss figure. @public */
export interface NeuronsAndLossRow {
  /** `a`: leakage against the number of neurons; `b`: against channel loss. */
  readonly panel: 'a' | 'b';
  /** Number of neurons N (inputs per row). */
  readonly neurons: number;
  /** Effective sample count n used by the script. */
  readonly effectiveInputs: number;
  /** Client gain G. */
  readonly gain: number;
  /** Modulation variance V passed to Leak (SNU). */
  readonly modulationVariance: number;
  /** The transmittance passed to Leak's power-transmittance slot (in panel b the script passes the amplitude transmittance). */
  readonly transmittance: number;
  /** Plotted channel loss in dB. */
  readonly lossDb: number;
  /** Output-referred excess noise ε (SNU). */
  readonly excessNoise: number;
  /** Weight leakage as the script computes it (bits per weight symbol). */
  readonly weightBits: number;
  /** Data leakage as the script computes it (bits per data symbol). */
  readonly dataBits: number;
  /** Weight leakage with the power transmittance T² that matches the plotted dB (bits per weight symbol); equals weightBits in panel a. */
  readonly weightBitsPowerTransmittance: number;
}

/** The grids of an accuracy/leakage map. @public */
export interface MapGrid {
  /** Client gains G (outer loop of the map). */
  readonly gains: number[];
  /** Mean photon numbers μ per weight symbol (inner loop). */
  readonly mus: number[];
  /** Samples n per data symbol used for ε and the data leakage. */
  readonly samples: number;
}

/** A documented slip of the published code that a preset reproduces. @public */
export interface PresetSlip {
  /** Short identifier, e.g. `fisher-sigma8`. */
  readonly id: string;
  /** What the published code does, what is right, and where qsdl offers the right value. */
  readonly description: string;
}

/**
 * A preset reproduces one published version of the authors' code through qsdl's
 * own (more accurate) evaluation of the same formulas. Every slip it reproduces is
 * listed in `slips`, and the corrected value is available beside it.
 * @public
 */
export interface PaperPreset {
  /** Preset name. */
  readonly name: PresetName;
  /** One-line description with the source. */
  readonly summary: string;
  /** Slips of the published code this preset reproduces on purpose. */
  readonly slips: readonly PresetSlip[];
  /** The data-leakage model the preset reports (one of the published ones). */
  readonly dataModel: PublishedDataLeakModel;
  /** Factor applied to χ_W (1 in 2024; 0.5 in 2025, "real or imaginary part"). */
  readonly weightFactor: number;
  /** The operating point marked "This work" in the authors' leakage-versus-neurons figure. */
  readonly operatingPoint: OperatingPoint;
  /** Weight leakage as this preset reports it, in bits per weight symbol. */
  weightLeak(input: WeightLeakInput): number;
  /** Data leakage as this preset reports it, in bits per data symbol. */
  dataLeak(input: Omit<DataLeakInput, 'model'>): number;
  /**
   * The grids of the authors' accuracy/leakage map (Maps.m).
   * @param gainCount - number of gains (the μ grid always has the script's 512) @defaultValue 512
   */
  mapGrid(gainCount?: number): MapGrid;
  /** The rows of the authors' leakage-versus-neurons and leakage-versus-loss figure, as their script computes them. */
  neuronsAndLoss(): NeuronsAndLossRow[];
}
