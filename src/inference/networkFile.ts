import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BiasFreeNetwork } from './noisyForward.js';

/**
 * Provenance of a stored network, kept in a JSON file beside its weights: how it was
 * trained, how well it classifies, and the SHA-256 of the weight file. @public
 */
export interface NetworkProvenance {
  /** Layer shapes, input side first: [rows, inputs] of each layer. */
  readonly shapes: readonly (readonly [number, number])[];
  /** The command that produced the weights. */
  readonly command: string;
  /** Training settings (seed, epochs, batch size, learning rate, encoding). */
  readonly training: Readonly<Record<string, number | string>>;
  /** Clean (noise-free) accuracy on the 10 000 MNIST test images, in percent, of the stored (float32) weights. */
  readonly cleanTestAccuracyPercent: number;
  /** SHA-256 of the weight file, hex. */
  readonly sha256: string;
  /** qsdl version that trained it. */
  readonly qsdlVersion: string;
}

/** A network read from disk, with its provenance. @public */
export interface StoredNetwork {
  /** The layers, weights widened from float32. */
  readonly network: BiasFreeNetwork;
  /** The provenance JSON as stored. */
  readonly provenance: NetworkProvenance;
}

/**
 * The weights of a network as one float32 little-endian byte array, layer after layer,
 * row-major (4 bytes per weight; float32 keeps about 7 significant digits).
 * @example networkBytes({ layers: [{ weights: Float64Array.from([1, 2]), rows: 1 }] }).length // returns 8
 * @public
 */
export function networkBytes(network: BiasFreeNetwork): Buffer {
  const total = network.layers.reduce((s, l) => s + l.weights.length, 0);
  const out = Buffer.alloc(4 * total);
  let o = 0;
  for (const l of network.layers) for (const w of l.weights) o = out.writeFloatLE(w, o);
  return out;
}

/**
 * Read a network stored as float32 weights plus its provenance JSON, checking the
 * file's SHA-256 and size against the provenance (a changed or truncated file fails
 * with a message naming it).
 *
 * @param weightsPath - the .f32 file
 * @param provenancePath - the .json file
 * @returns the network and its provenance
 * @throws Error naming the file when it cannot be read, its hash or size does not match
 * @public
 */
export function readNetwork(weightsPath: string, provenancePath: string): StoredNetwork {
  const provenance = JSON.parse(readFileSync(provenancePath, 'utf8')) as NetworkProvenance;
  const bytes = readFileSync(weightsPath);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== provenance.sha256) throw new Error(`${weightsPath}: SHA-256 ${sha} does not match ${provenancePath} (${provenance.sha256})`);
  const expected = provenance.shapes.reduce((s, [r, c]) => s + r * c, 0) * 4;
  if (bytes.length !== expected) throw new Error(`${weightsPath}: ${bytes.length} bytes, expected ${expected} for shapes ${JSON.stringify(provenance.shapes)}`);
  let o = 0;
  const layers = provenance.shapes.map(([rows, cols]) => {
    const w = new Float64Array(rows * cols);
    for (let i = 0; i < w.length; i += 1, o += 4) w[i] = bytes.readFloatLE(o);
    return { weights: w, rows };
  });
  return { network: { layers }, provenance };
}
