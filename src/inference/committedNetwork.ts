import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNetwork, type StoredNetwork } from './networkFile.js';

/** Stem of the committed network's files in `weights/`. */
const STEM = 'mnist-784-784-10';

/**
 * The trained 784-784-10 network committed in `weights/` (trained by
 * `qsdl train --epochs 8 --seed 1`; SHA-256 checked on reading). Found by walking up from
 * this module to the package root, so it works from the sources, from `dist/` and from the
 * bundled CLI alike.
 *
 * @returns the network and its provenance
 * @throws Error when the files are missing or do not match their recorded hash
 * @example committedNetwork().provenance.cleanTestAccuracyPercent // returns 97.85
 * @public
 */
export function committedNetwork(): StoredNetwork {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up += 1, dir = dirname(dir)) {
    const json = join(dir, 'weights', `${STEM}.json`);
    if (existsSync(json)) return readNetwork(join(dir, 'weights', `${STEM}.f32`), json);
  }
  throw new Error(`weights/${STEM}.json not found above ${fileURLToPath(import.meta.url)}: the committed network ships with qsdl (run \`qsdl train\` to make one)`);
}
