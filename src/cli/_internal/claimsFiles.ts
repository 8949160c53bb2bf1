import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseClaims, MAX_CLAIMS_BYTES } from '../../claims/parseClaims.js';
import type { ClaimsFile, ClaimLayer } from '../../claims/claim.js';
import { SHIPPED_CLAIMS } from '../../claims/shippedClaims.js';
import { networkDataLeakShapes } from '../../bounds/networkDataLeakBound.js';
import type { BiasFreeNetwork } from '../../inference/noisyForward.js';
import { isInputError } from '../../inputError.js';
import { IoError, UsageError } from './errors.js';
import { readInput } from './inputFile.js';
import { loadNetworkFlag, type LoadedNetwork } from './networkFlag.js';

/** A claims file read and validated, with the networks it names loaded. @internal */
export interface LoadedClaims {
  readonly path: string;
  readonly file: ClaimsFile;
  readonly networks: ReadonlyMap<string, LoadedNetwork>;
}

/** The shipped claims folder beside the CLI bundle (dist/qsdl.mjs → claims/). @internal */
export function shippedClaimsPaths(): string[] {
  const dir = fileURLToPath(new URL('../claims/', import.meta.url));
  const paths = SHIPPED_CLAIMS.map((n) => `${dir}${n}.json`);
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new IoError(`the shipped claims files are missing from this installation (${missing.map((p) => JSON.stringify(p)).join(', ')}); reinstall qsdl, or name a claims file`);
  return paths;
}

/** Network names a claims file mentions (before validation; errors come later from the parser). */
function networkNames(text: string): string[] {
  try {
    const data = JSON.parse(text) as { claims?: { network?: unknown; kind?: unknown; adversary?: unknown }[] };
    const names = new Set<string>();
    for (const c of data.claims ?? []) {
      if (c === null || typeof c !== 'object') continue;
      const named = typeof c.network === 'string' ? c.network : undefined;
      if (c.kind === 'accuracy' || c.adversary === 'holevo-network') names.add(named ?? 'committed');
    }
    return [...names].slice(0, 16);
  } catch {
    return [];
  }
}

/** Read and validate a claims file; a claim's network is "committed" or a path relative to the current folder. @internal */
export async function loadClaimsFile(path: string): Promise<LoadedClaims> {
  const what = `claims file ${JSON.stringify(path.length <= 120 ? path : `${path.slice(0, 119)}…`)}`;
  // Read up to twice the limit, so that the parser's own message (exact byte counts) names a file just over it.
  const input = await readInput(path, what, 2 * MAX_CLAIMS_BYTES, path !== '-');
  const text = input.bytes.toString('utf8');
  const networks = new Map<string, LoadedNetwork>();
  for (const name of networkNames(text)) {
    try {
      networks.set(name, await loadNetworkFlag(name === 'committed' ? undefined : name));
    } catch (e) {
      if (e instanceof UsageError || isInputError(e)) throw new UsageError(`${what}: network ${JSON.stringify(name)}: ${(e as Error).message}`);
      throw e;
    }
  }
  const shapes = (name: string): readonly ClaimLayer[] => {
    const n = networks.get(name);
    if (n === undefined) throw new UsageError(`${what}: network ${JSON.stringify(name)} was not loaded`);
    return networkDataLeakShapes(n.network);
  };
  try {
    return { path, file: parseClaims(text, shapes), networks };
  } catch (e) {
    if (isInputError(e)) throw new UsageError(`${what}: ${(e as Error).message}`);
    throw e;
  }
}

/** The network of a loaded claims file. @internal */
export function claimNetwork(loaded: LoadedClaims, name: string): BiasFreeNetwork {
  const n = loaded.networks.get(name);
  if (n === undefined) throw new UsageError(`network ${JSON.stringify(name)} was not loaded`);
  return n.network;
}
