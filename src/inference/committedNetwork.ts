import { fileURLToPath } from 'node:url';
import { readNetwork, type StoredNetwork } from '../../inference/networkFile.js';

/**
 * The network committed in weights/ (trained by `qsdl train --epochs 8 --seed 1`),
 * found from the bundled CLI (dist/qsdl.mjs) and from the sources (src/cli/_internal)
 * alike: both resolve to the package root.
 * @internal
 */
export function committedNetwork(): StoredNetwork {
  const here = fileURLToPath(import.meta.url);
  const root = here.includes('/src/cli/') ? new URL('../../../', import.meta.url) : new URL('../', import.meta.url);
  const path = (ext: string) => fileURLToPath(new URL(`weights/mnist-784-784-10.${ext}`, root));
  return readNetwork(path('f32'), path('json'));
}
