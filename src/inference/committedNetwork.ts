import { fileURLToPath } from 'node:url';
import { COMMITTED_NETWORK_STEM, committedNetworkFiles } from './committedNetworkFiles.js';
import { readNetwork, type StoredNetwork } from './networkFile.js';

export { committedNetworkFiles, type NetworkFiles } from './committedNetworkFiles.js';

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
  if (files === undefined) throw new Error(`weights/${COMMITTED_NETWORK_STEM}.json not found above ${fileURLToPath(import.meta.url)}: the committed network ships with qsdl (reinstall it)`);
  return readNetwork(files.weights, files.provenance);
}
