import { readFileSync } from 'node:fs';
import { InputRangeError, InputTypeError } from '../inputError.js';
import { describeValue } from '../_internal/validate.js';
import type { BiasFreeNetwork } from './noisyForward.js';
import { sha256Hex } from '../_internal/sha256.js';

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

/** Most layers a stored network may have. @public */
export const MAX_NETWORK_LAYERS = 16;
/** Most weights a stored network may have in all: 2^25 (128 MiB as float32, 256 MiB once widened to float64). @public */
export const MAX_NETWORK_WEIGHTS = 2 ** 25;
/** Largest provenance JSON read (bytes): a few hundred bytes is typical. @public */
export const MAX_PROVENANCE_BYTES = 1 << 20;

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

function field<T>(name: string, value: unknown, ok: (v: unknown) => v is T, expected: string): T {
  if (!ok(value)) throw new InputTypeError(`${name} must be ${expected}; received ${value === undefined ? 'nothing' : describeValue(value)}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check the provenance's shapes: [rows, inputs] pairs of positive integers, chained, within the limits. */
function checkShapes(where: string, value: unknown): (readonly [number, number])[] {
  const shapes = field(`${where}: shapes`, value, (v): v is unknown[] => Array.isArray(v) && v.length >= 1 && v.length <= MAX_NETWORK_LAYERS, `an array of 1 to ${MAX_NETWORK_LAYERS} [rows, inputs] pairs`);
  let total = 0;
  return shapes.map((s, l) => {
    const pair = field(`${where}: shapes[${l}]`, s, (v): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= MAX_NETWORK_WEIGHTS), `[rows, inputs], two integers in [1, ${MAX_NETWORK_WEIGHTS}]`);
    const previous = shapes[l - 1] as [number, number] | undefined;
    if (previous !== undefined && pair[1] !== previous[0]) throw new InputRangeError(`${where}: shapes[${l}] takes ${pair[1]} inputs, but layer ${l} gives ${previous[0]} outputs`);
    total += pair[0] * pair[1];
    if (total > MAX_NETWORK_WEIGHTS) throw new InputRangeError(`${where}: the shapes hold more than ${MAX_NETWORK_WEIGHTS} weights (the limit of a stored network)`);
    return [pair[0], pair[1]] as const;
  });
}

/**
 * Parse a stored network from its two files' contents, checking everything: the
 * provenance is a JSON object with `shapes` (chained [rows, inputs] pairs, at most
 * {@link MAX_NETWORK_LAYERS} layers and {@link MAX_NETWORK_WEIGHTS} weights), `sha256`
 * (64 hex digits) equal to the weight bytes' SHA-256, `command` (text) and
 * `cleanTestAccuracyPercent` (a number in [0, 100] or null); the weights are
 * 4 bytes per weight of the shapes, each finite.
 *
 * @param weights - the .f32 file's bytes
 * @param provenanceText - the .json file's text
 * @param names - how messages name the two files
 * @returns the network and its provenance
 * @throws InputTypeError / InputRangeError naming the file and the field
 * @public
 */
export function parseNetwork(weights: Uint8Array, provenanceText: string, names: { readonly weights: string; readonly provenance: string } = { weights: 'weights', provenance: 'provenance' }): StoredNetwork {
  const where = names.provenance;
  if (provenanceText.length > MAX_PROVENANCE_BYTES) throw new InputRangeError(`${where}: ${provenanceText.length} characters, above the limit of ${MAX_PROVENANCE_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(provenanceText);
  } catch (e) {
    throw new InputTypeError(`${where} is not valid JSON (${(e as Error).message.slice(0, 120)})`);
  }
  const p = field(where, json, isObject, 'a JSON object { shapes, sha256, command, cleanTestAccuracyPercent, … }');
  const shapes = checkShapes(where, p.shapes);
  const sha256 = field(`${where}: sha256`, p.sha256, (v): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v), '64 lower-case hex digits');
  const command = field(`${where}: command`, p.command, isString, 'text');
  const clean = field(`${where}: cleanTestAccuracyPercent`, p.cleanTestAccuracyPercent, (v): v is number | null => v === null || (typeof v === 'number' && v >= 0 && v <= 100), 'a number in [0, 100] (percent) or null');
  const training = p.training === undefined ? {} : field(`${where}: training`, p.training, isObject, 'an object');
  const qsdlVersion = p.qsdlVersion === undefined ? 'unknown' : field(`${where}: qsdlVersion`, p.qsdlVersion, isString, 'text');
  const actual = sha256Hex(weights);
  if (actual !== sha256) throw new InputRangeError(`${names.weights}: SHA-256 ${actual} does not match ${where} (${sha256}): the weights were changed or belong to another network`);
  const expected = shapes.reduce((s, [r, c]) => s + r * c, 0) * 4;
  if (weights.length !== expected) throw new InputRangeError(`${names.weights}: ${weights.length} bytes, expected ${expected} (4 per weight) for shapes ${JSON.stringify(shapes)}`);
  const view = new DataView(weights.buffer, weights.byteOffset, weights.length);
  let o = 0;
  const layers = shapes.map(([rows, cols], l) => {
    const w = new Float64Array(rows * cols);
    for (let i = 0; i < w.length; i += 1, o += 4) {
      const v = view.getFloat32(o, true);
      if (!Number.isFinite(v)) throw new InputRangeError(`${names.weights}: weight ${i} of layer ${l + 1} is ${v}; every weight must be finite`);
      w[i] = v;
    }
    return { weights: w, rows };
  });
  const provenance: NetworkProvenance = { shapes, command, training: training as Record<string, number | string>, cleanTestAccuracyPercent: clean ?? Number.NaN, sha256, qsdlVersion };
  return { network: { layers }, provenance };
}

/**
 * Read a network stored as float32 weights plus its provenance JSON ({@link parseNetwork}
 * checks both: a changed, truncated or malformed file fails with a message naming it).
 *
 * @param weightsPath - the .f32 file
 * @param provenancePath - the .json file
 * @returns the network and its provenance
 * @throws Error (with the system error as `cause`) when a file cannot be read; InputTypeError / InputRangeError when its content is wrong
 * @public
 */
export function readNetwork(weightsPath: string, provenancePath: string): StoredNetwork {
  const read = (path: string) => {
    try {
      return readFileSync(path);
    } catch (e) {
      throw new Error(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
    }
  };
  return parseNetwork(read(weightsPath), read(provenancePath).toString('utf8'), { weights: weightsPath, provenance: provenancePath });
}
