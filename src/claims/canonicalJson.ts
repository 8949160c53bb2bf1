import { createHash } from 'node:crypto';
import { InputTypeError } from '../inputError.js';

/**
 * Canonical JSON of a value (docs/claims.md#certificates): object keys sorted by UTF-16
 * code units, no whitespace, numbers as JSON.stringify writes them (the shortest string
 * that reads back as the same double). Only finite numbers, strings, booleans, null,
 * arrays and plain objects are allowed.
 * @param value - the value
 * @returns its canonical JSON text
 * @throws InputTypeError for a non-finite number or a value JSON cannot hold
 * @example canonicalJson({ b: 1, a: [true, null] }) // returns '{"a":[true,null],"b":1}'
 * @public
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InputTypeError(`canonical JSON holds finite numbers only; received ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  throw new InputTypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/**
 * SHA-256 (hex) of the canonical JSON of a certificate without its `sha256` field.
 * @param certificate - a certificate object
 * @returns 64 hex digits
 * @public
 */
export function certificateHash(certificate: Readonly<Record<string, unknown>>): string {
  const { sha256: _omit, ...rest } = certificate;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}
