import { createRequire } from 'node:module';

/**
 * SHA-256 of `data` as 64 lower-case hex digits, with node:crypto loaded on first use:
 * importing it at the top of a module cost every command that loads the module (such as
 * `leak weight`, through the output-file checks that know the network's files) about
 * 6–9 ms of start-up on the CI machine, for a hash it never computes.
 * @internal
 * @example sha256Hex(Buffer.from('abc')) // returns 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(data: Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(data).digest('hex');
}

let crypto: typeof import('node:crypto') | undefined;
