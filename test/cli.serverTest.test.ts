// `qsdl server-test` (src/cli/commands/serverTest.ts, docs/server-test.md): spawns the built binary (npm run build first)
// and checks stdout, stderr and the exit code separately, and the JSON against the library.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAttack } from '../src/index.js';
import { runQsdl } from './_helpers/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'qsdl-server-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ATTACKS = ['honest', 'greedy-gain', 'entangling-cloner', 'multi-query', 'colluding-clients', 'rank-one-cloner'];

interface Row { attack: string; kind: string; bitsPerSymbol: number; perModeDetection: number; rowTotalDetection: number | null; rowNoiseShape: string | null }

describe('qsdl server-test', () => {
  it('prints a table of the six client attacks with bits per weight and both detection probabilities, within 100 columns', async () => {
    const r = await runQsdl(['server-test'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const name of ATTACKS) expect(r.stdout).toMatch(new RegExp(`^${name} +(achieved|holevo) +[0-9.e-]+ +[0-9.e-]+ +([0-9.e-]+( \\*)?|n/a)$`, 'm'));
    expect(r.stdout).toMatch(/^attack +kind +bits\/weight +per-mode test +row-total test$/m);
    expect(r.stdout).toMatch(/m = 784 rows/);
    expect(r.stdout).toMatch(/bits per weight symbol/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('--json: the rows equal the library\'s outcomes at the same configuration (m = --samples rows, Q and K for the multi-copy attacks)', async () => {
    const r = await runQsdl(['server-test', '--json', '--samples', '78400', '--queries', '3', '--clients', '2', '--gain', '1.5'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { rows: Row[]; configuration: Record<string, number>; perModeCloneRowTotalDetection: number; qsdlVersion: string };
    expect(out.rows.map((x) => x.attack)).toEqual(ATTACKS);
    expect(out.configuration.samples).toBe(78400);
    const base = { mu: 4, gain: 1.5, inputs: 784, rows: 784, activeFraction: 0.5, samples: 78400, delta: 1e-6 };
    const lib = (name: string, extra: Record<string, number> = {}) => runAttack(name, { ...base, ...extra });
    const expected: Record<string, ReturnType<typeof runAttack>> = {
      honest: lib('honest'), 'greedy-gain': lib('greedy-gain'), 'entangling-cloner': lib('entangling-cloner'),
      'multi-query': lib('multi-query', { queries: 3 }), 'colluding-clients': lib('colluding-clients', { queries: 3, clients: 2 }), 'rank-one-cloner': lib('rank-one-cloner'),
    };
    for (const row of out.rows) {
      const o = expected[row.attack] as ReturnType<typeof runAttack>;
      expect(row.bitsPerSymbol).toBe(o.bitsPerSymbol);
      expect(row.perModeDetection).toBe(o.detectionProbability);
      expect(row.kind).toBe(o.kind);
      expect(row.rowTotalDetection).toBe(typeof o.details.rowTotalDetection === 'number' ? o.details.rowTotalDetection : null);
    }
    expect(out.perModeCloneRowTotalDetection).toBe(expected['rank-one-cloner']?.details.perModeClonerRowTotalDetection);
  });

  it('the rank-one cloner passes both tests as the honest client does, while the per-mode clone is flagged (one inference and a hundred)', async () => {
    for (const [samples, atLeast] of [['784', 0.9], ['78400', 1]] as const) {
      const out = JSON.parse((await runQsdl(['server-test', '--json', '--samples', samples], dir)).stdout) as { rows: Row[]; perModeCloneRowTotalDetection: number };
      const rankOne = out.rows.find((x) => x.attack === 'rank-one-cloner') as Row;
      const honest = out.rows.find((x) => x.attack === 'honest') as Row;
      expect(rankOne.rowTotalDetection).toBe(honest.rowTotalDetection);
      expect(rankOne.perModeDetection).toBe(honest.perModeDetection);
      expect(rankOne.rowTotalDetection as number).toBeLessThanOrEqual(1e-6);
      expect(out.perModeCloneRowTotalDetection).toBeGreaterThanOrEqual(atLeast);
    }
  });

  it('bad flags: one "qsdl: error:" line naming the flag, its range and the value; exit 2; nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['--delta', '0'], /--delta must be a number in \(0, 0\.5\]; received 0/],
      [['--samples', '1.5'], /--samples must be an integer in \[2, 1e12\]; received 1\.5/],
      [['--mu', 'abc'], /--mu must be a decimal number in \(0, 1e6\]; received "abc"/],
      [['--active-fraction', '0.001', '--inputs', '10'], /active inputs p·N must be ≥ 1/],
      [['--queries', '1000000', '--clients', '1000000'], /lifetime photon number Q·K·mu must be ≤ 1e12/],
      [['--mu', '4', '--mu', '5'], /--mu is given twice/],
      [['--efficiency', '0.5'], /unknown option '--efficiency'/],
    ];
    for (const [args, message] of cases) {
      const r = await runQsdl(['server-test', ...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^qsdl: error: /);
    }
  });
});
