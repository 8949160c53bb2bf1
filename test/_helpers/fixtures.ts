import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in test/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** A numeric CSV fixture as objects keyed by header; non-numeric cells stay strings. */
export function readCsvFixture(name: string): Record<string, number | string>[] {
  const lines = readFileSync(fixturePath(name), 'utf8').trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, number | string> = {};
    header.forEach((h, i) => {
      const c = cells[i] ?? '';
      const v = Number(c);
      row[h] = c !== '' && Number.isFinite(v) ? v : c;
    });
    return row;
  });
}

/** Numeric column accessor that fails loudly on a missing or non-numeric cell. */
export function num(row: Record<string, number | string>, key: string): number {
  const v = row[key];
  if (typeof v !== 'number') throw new Error(`fixture cell ${key} is not a number: ${String(v)}`);
  return v;
}

/**
 * |actual − expected| ≤ abs, or relative error ≤ rel. Returns a description of the
 * failure (for expect(...).toBe('')) so the failing values are printed.
 */
export function closeTo(actual: number, expected: number, abs: number, rel: number): string {
  const d = Math.abs(actual - expected);
  if (d <= abs || d <= rel * Math.abs(expected)) return '';
  return `actual ${actual}, expected ${expected}, |Δ| = ${d}, rel = ${d / Math.abs(expected)}`;
}

/** Relative error against a reference; 0 when both are exactly 0. */
export function relativeError(actual: number, reference: number): number {
  if (reference === 0) return actual === 0 ? 0 : Infinity;
  return Math.abs(actual - reference) / Math.abs(reference);
}
