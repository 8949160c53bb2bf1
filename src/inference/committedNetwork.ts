import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNetwork, type StoredNetwork } from './networkFile.js';

/** Stem of the committed network's files in `weights/`. */
const STEM = 'mnist-784-784-10';

/** The two files of a stored network. @public */
export interface NetworkFiles {
  /** The float32 weights (`NAME.f32`). */
  readonly weights: string;
  /** The provenance JSON (`NAME.json`), with the weights' SHA-256. */
  readonly provenance: string;
}

/**
 * Where the committed network's two files are: `weights/` of the package root, found by
 * walking up from this module (so it works from the sources, from `dist/` and from the
 * bundled CLI alike), or undefined when the installation lacks them.
 * @returns the paths of the weights (.f32) and provenance (.json) files
 * @example committedNetworkFiles()?.weights // returns '…/weights/mnist-784-784-10.f32'
 * @public
 */
export function committedNetworkFiles(): NetworkFiles | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up += 1, dir = dirname(dir)) {
    const provenance = join(dir, 'weights', `${STEM}.json`);
    if (existsSync(provenance)) return { weights: join(dir, 'weights', `${STEM}.f32`), provenance };
  }
  return undefined;
}

/**
 * The trained 784-784-10 network committed in `weights/` (trained by
 * `qsdl train --epochs 8 --seed 1`; SHA-256 checked on reading).
 *
 * @returns the network and its provenance
 * @throws Error when the files are missing or do not match their recorded hash
 * @example committedNetwork().provenance.cleanTestAccuracyPercent // returns 97.85
 * @public
 */
export function committedNetwork(): StoredNetwork {
  const files = committedNetworkFiles();
  if (files === undefined) throw new Error(`weights/${STEM}.json not found above ${fileURLToPath(import.meta.url)}: the committed network ships with qsdl (reinstall it)`);
  return readNetwork(files.weights, files.provenance);
}
