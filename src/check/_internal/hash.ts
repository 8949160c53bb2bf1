/**
 * The checker's own canonical JSON and SHA-256 (docs/claims.md#certificates): keys
 * sorted, no whitespace, numbers as JSON writes them. Written apart from the prover's
 * on purpose (the checker shares no code path with the prover).
 * @internal
 */
import { createHash } from 'node:crypto';

function canon(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canon(o[k])}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical JSON of `doc` without its `sha256` field. */
export function digest(doc: Record<string, unknown>): string {
  const copy: Record<string, unknown> = { ...doc };
  delete copy.sha256;
  return createHash('sha256').update(canon(copy), 'utf8').digest('hex');
}

/** Canonical JSON of a value (to compare claims across shards). */
export function canonical(v: unknown): string {
  return canon(v);
}
