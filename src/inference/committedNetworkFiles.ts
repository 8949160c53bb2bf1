import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the committed network's files are, apart from the code that reads them: the output-file checks of
// the CLI (which refuse to write over them) need the paths alone. This module sits beside committedNetwork.ts,
// so the walk up from it finds weights/ as before.

/** Stem of the committed network's files in `weights/`. @internal */
export const COMMITTED_NETWORK_STEM = 'mnist-784-784-10';

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
    const provenance = join(dir, 'weights', `${COMMITTED_NETWORK_STEM}.json`);
    if (existsSync(provenance)) return { weights: join(dir, 'weights', `${COMMITTED_NETWORK_STEM}.f32`), provenance };
  }
  return undefined;
}
