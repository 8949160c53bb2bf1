// The checker shares no code path with the prover (issue 10 point 3): src/check/ imports
// nothing outside itself but node: builtins and decimal.js, and its own copies of the
// prover's tables (dimension order and scales, proven monotone directions) agree with them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { proveLeakageClaim } from '../src/claims/certificate.js';
import type { LeakageClaim } from '../src/claims/claim.js';
import { DIMENSIONS } from '../src/claims/dimensions.js';
import { parseClaims } from '../src/claims/parseClaims.js';
import { claimQuantities } from '../src/claims/_internal/claimQuantities.js';
import { checkCertificates } from '../src/check/checkCertificates.js';
import { CHECK_DIMENSIONS } from '../src/check/_internal/geometry.js';

const CHECK_DIR = fileURLToPath(new URL('../src/check/', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/**
 * Every module specifier in TypeScript source: static imports and re-exports (type-only too),
 * side-effect imports, dynamic import(), require(), and new URL(…, import.meta.url) (how a
 * worker script is found). Comments are removed first so a path in prose does not count.
 */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\bnew\s+URL\s*\(\s*['"`]([^'"`]+)['"`]\s*,\s*import\.meta\.url/g,
  ];
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]!));
}

/** The problem with one specifier of `file`, or null when it stays inside src/check/ or is allowed. */
function escape(file: string, spec: string): string | null {
  if (spec.startsWith('node:') || spec === 'decimal.js') return null;
  if (!spec.startsWith('.')) return `${relative(CHECK_DIR, file)} imports the package "${spec}"`;
  const target = resolve(dirname(file), spec);
  return target === CHECK_DIR.replace(/[\\/]$/, '') || target.startsWith(CHECK_DIR) ? null : `${relative(CHECK_DIR, file)} imports "${spec}", outside src${sep}check${sep}`;
}

describe('the checker is independent of the prover', () => {
  it('the import scanner sees every kind of import it guards against (so the next test can fail)', () => {
    const planted = [
      "import { a } from '../claims/certificate.js';",
      "import type { B } from '../../claims/claim.js';",
      "export { c } from '../kernels/x.js';",
      "import '../bounds/y.js';",
      "const m = await import('../claims/z.js');",
      "new URL('../claims/w.js', import.meta.url)",
      "import Ajv from 'ajv';",
      "import { Decimal } from 'decimal.js'; import { createHash } from 'node:crypto'; // from '../claims/comment.js'",
    ].join('\n');
    const file = join(CHECK_DIR, 'planted.ts'); // beside checkCertificates.ts: '../' leaves src/check/
    const found = specifiers(planted);
    expect(found).toEqual(expect.arrayContaining(['../claims/certificate.js', '../../claims/claim.js', '../kernels/x.js', '../bounds/y.js', '../claims/z.js', '../claims/w.js', 'ajv', 'decimal.js', 'node:crypto']));
    expect(found).not.toContain('../claims/comment.js');
    expect(found.map((s) => escape(file, s)).filter((p) => p !== null)).toHaveLength(7);
    expect(escape(file, './_internal/geometry.js')).toBeNull();
    expect(escape(join(CHECK_DIR, '_internal', 'evaluate.ts'), '../claims/x.js')).toBeNull(); // src/check/claims/x.js: still inside
    expect(escape(join(CHECK_DIR, 'checkCertificates.ts'), './_internal/hash.js')).toBeNull();
  });

  it('no file under src/check/ imports anything outside src/check/ except node: builtins and decimal.js', () => {
    const files = tsFiles(CHECK_DIR);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const problems = files.flatMap((f) => specifiers(readFileSync(f, 'utf8')).map((s) => escape(f, s)).filter((p): p is string => p !== null));
    expect(problems).toEqual([]);
  });

  it('CHECK_DIMENSIONS has the names, order and log/linear scales of DIMENSIONS (box paths index them)', () => {
    expect(CHECK_DIMENSIONS.map((d) => ({ name: d.name, log: d.log }))).toEqual(DIMENSIONS.map((d) => ({ name: d.name, log: d.scale === 'log' })));
  });
});

describe('the checker\'s table of proven monotone directions is the prover\'s', () => {
  // One point claim per adversary: proving it is instant, and it records the prover's quantities.
  const committed = [{ inputs: 784, rows: 784 }, { inputs: 784, rows: 10 }];
  const weight = (adversary: string) => ({ id: adversary, kind: 'weight-leakage', threshold: { fraction: 0.1 }, adversary, region: { mu: 4, gain: 2, inputs: 784 } });
  const data = (adversary: string, region: object) => ({ id: adversary, kind: 'data-leakage', threshold: { fraction: 0.01 }, adversary, region });
  const file = parseClaims(JSON.stringify({
    format: 'qsdl-claims/1',
    name: 'directions',
    claims: [
      weight('holevo'),
      weight('paper-2025-weight-model'),
      data('holevo-network', { gain: 2 }),
      data('holevo-layer', { gain: 2, inputs: 784, rows: 784 }),
      data('paper-2024-data-model', { gain: 2, inputs: 784 }),
      data('paper-2025-data-model', { gain: 1.3, inputs: 784, rows: 794 }),
    ],
  }), () => committed);
  const claims = file.claims as LeakageClaim[];

  it('every adversary is covered, each with its own pair of quantities', () => {
    expect(claims.map((c) => c.adversary)).toEqual(['holevo', 'paper-2025-weight-model', 'holevo-network', 'holevo-layer', 'paper-2024-data-model', 'paper-2025-data-model']);
  });

  it.each(claims.map((c) => [c.adversary, c] as const))('%s: the certificate records the prover\'s directions, and the checker accepts exactly those', async (_adversary, claim) => {
    // Arrange
    const qs = claimQuantities(claim);
    const { certificate } = proveLeakageClaim(claim, 'directions');
    // Act
    const report = await checkCertificates([{ name: claim.id, text: JSON.stringify(certificate) }], { workers: 1 });
    // Assert: recorded = prover's table; accepted by the checker, which compares them with its own table.
    expect(certificate.model.upper.directions).toEqual(qs.upper.directions);
    expect(certificate.model.lower?.directions).toEqual(qs.lower?.directions);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it.each(claims.map((c) => [c.adversary, c] as const))('%s: the checker refuses the certificate when one direction is flipped or dropped (hash recomputed)', async (_adversary, claim) => {
    const { createHash } = await import('node:crypto');
    const { certificate } = proveLeakageClaim(claim, 'directions');
    const dims = Object.keys(certificate.model.upper.directions);
    for (const edit of ['flip', 'drop'] as const) {
      const doc = JSON.parse(JSON.stringify(certificate)) as { model: { upper: { directions: Record<string, number> } }; sha256: string };
      if (edit === 'flip') doc.model.upper.directions[dims[0]!] = -doc.model.upper.directions[dims[0]!]!;
      else delete doc.model.upper.directions[dims[dims.length - 1]!];
      doc.sha256 = createHash('sha256').update(canonical({ ...doc, sha256: undefined }), 'utf8').digest('hex');
      const report = await checkCertificates([{ name: claim.id, text: JSON.stringify(doc) }], { workers: 1 });
      expect(report.ok).toBe(false);
      expect(report.problems.some((p) => p.includes('upper quantity\'s monotone directions'))).toBe(true);
    }
  });
});

/** Canonical JSON as docs/claims.md#certificates defines it (keys sorted, no whitespace), written here. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
