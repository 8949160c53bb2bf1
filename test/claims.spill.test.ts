// Open boxes beyond a memory cap go to disk (issue 11 part 4): the prover keeps at most
// `memoryBoxes` open boxes in memory, writes the rest to sorted runs in a spill file and reads
// them back in the same order, so the certificate does not depend on the cap; and the spill file
// is gone afterwards, whether the run ends normally or with an error. The CLI flag is checked on
// the real built binary (npm test builds it first).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { branchAndBound, MIN_MEMORY_BOXES } from '../src/claims/branchAndBound.js';
import { certificateText, proveLeakageClaim } from '../src/claims/certificate.js';
import type { LeakageClaim } from '../src/claims/claim.js';
import { parseClaims } from '../src/claims/parseClaims.js';
import { InputRangeError } from '../src/inputError.js';
import { runQsdl } from './_helpers/sandbox.js';

const COMMITTED = [{ inputs: 784, rows: 784 }, { inputs: 784, rows: 10 }];
const shipped = (file: string, id: string): LeakageClaim => parseClaims(readFileSync(new URL(`../claims/${file}.json`, import.meta.url), 'utf8'), () => COMMITTED).claims.find((c) => c.id === id) as LeakageClaim;

const dirs: string[] = [];
const freshDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'qsdl-spill-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('open boxes beyond the memory cap spill to disk', () => {
  // corrected/weight-region (budget 3 000 boxes) ends with about 1 850 open boxes: a cap of 16 spills nearly all of them, many times.
  it.each([
    ['corrected', 'weight-region', { index: 1, count: 1 }],
    ['stronger-models', 'data-network-region', { index: 1, count: 1 }],
    ['corrected', 'weight-region', { index: 3, count: 4 }],
  ] as const)('%s/%s, shard %o: a cap of 16 open boxes writes the certificate the uncapped run writes, byte for byte, and leaves no file', (file, id, shard) => {
    // Arrange
    const claim = shipped(file, id);
    const spillDirectory = freshDir();
    // Act
    const free = proveLeakageClaim(claim, file, shard);
    const capped = proveLeakageClaim(claim, file, shard, undefined, { memoryBoxes: MIN_MEMORY_BOXES, spillDirectory });
    // Assert
    expect(free.run.spilledBoxes).toBe(0);
    expect(capped.run.spilledBoxes).toBeGreaterThan(1000);
    expect(capped.certificate.sha256).toBe(free.certificate.sha256);
    expect(certificateText(capped.certificate)).toBe(certificateText(free.certificate));
    expect(readdirSync(spillDirectory)).toEqual([]);
  });

  it('the committed certificate of corrected/weight-region is what a capped run writes (the order does not depend on the cap)', () => {
    const capped = proveLeakageClaim(shipped('corrected', 'weight-region'), 'corrected', undefined, undefined, { memoryBoxes: 40, spillDirectory: freshDir() });
    const committed = readFileSync(new URL('../proofs/certificates/corrected/weight-region.json', import.meta.url), 'utf8');
    expect(certificateText(capped.certificate)).toBe(committed);
  });

  it('while the run spills, the spill directory is already empty: each file is unlinked as soon as it is open, so SIGINT, SIGTERM or SIGKILL cannot leave it behind', () => {
    const spillDirectory = freshDir();
    const seen: string[][] = [];
    const run = branchAndBound(shipped('corrected', 'weight-region'), undefined, () => seen.push(readdirSync(spillDirectory)), { memoryBoxes: 16, spillDirectory });
    expect(run.spilledBoxes).toBeGreaterThan(1000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((s) => s.length === 0)).toBe(true);
  });

  it('a run that ends with an error (the progress callback throws mid-run) leaves no spill file', () => {
    const spillDirectory = freshDir();
    const boom = new Error('stop here');
    let calls = 0;
    const run = () => branchAndBound(shipped('corrected', 'weight-region'), undefined, () => {
      calls += 1;
      if (calls === 4) throw boom;
    }, { memoryBoxes: 16, spillDirectory });
    expect(run).toThrow(boom);
    expect(calls).toBe(4);
    expect(readdirSync(spillDirectory)).toEqual([]);
  });

  it.each([15, 0, -16, 16.5, 1e9 + 1, Number.NaN, Infinity])('memoryBoxes = %s is an InputRangeError naming the option and its range', (m) => {
    expect(() => branchAndBound(shipped('corrected', 'weight-region'), undefined, undefined, { memoryBoxes: m })).toThrow(InputRangeError);
    expect(() => branchAndBound(shipped('corrected', 'weight-region'), undefined, undefined, { memoryBoxes: m })).toThrow(/^memoryBoxes must be an integer in \[16, 1e9\]; received /);
  });
});

describe('qsdl prove --memory-boxes', () => {
  const claims = JSON.stringify({
    format: 'qsdl-claims/1',
    name: 'spill',
    claims: [{ id: 'w', kind: 'weight-leakage', threshold: { fraction: 0.1 }, adversary: 'holevo', region: { mu: [0.5, 20], gain: [1.1, 3], inputs: [100, 1e4], transmittance: [0.8, 1] }, budget: { boxes: 600 } }],
  });

  it('--memory-boxes 16 writes the file the default writes, and TMPDIR holds nothing afterwards', async () => {
    const dir = freshDir();
    const spill = freshDir();
    writeFileSync(join(dir, 'c.json'), claims);
    const env = { ...process.env, QSDL_DEBUG: '', TMPDIR: spill };
    const [a, b] = await Promise.all([
      runQsdl(['prove', 'c.json', '--out', 'free.json', '--quiet'], dir, { env }),
      runQsdl(['prove', 'c.json', '--out', 'capped.json', '--quiet', '--memory-boxes', '16'], dir, { env }),
    ]);
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    expect(readFileSync(join(dir, 'capped.json'), 'utf8')).toBe(readFileSync(join(dir, 'free.json'), 'utf8'));
    expect(readdirSync(spill)).toEqual([]);
  });

  it.each(['15', '0', '2.5', '1e10', 'many', ''])('--memory-boxes %j: exit 2, one line naming the flag, its range and the value', async (v) => {
    const dir = freshDir();
    writeFileSync(join(dir, 'c.json'), claims);
    const r = await runQsdl(['prove', 'c.json', '--out', 'x.json', '--memory-boxes', v], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^qsdl: error: --memory-boxes must be an integer in \[16, 1e9\]; received /);
    expect(readdirSync(dir)).toEqual(['c.json']);
  });
});
