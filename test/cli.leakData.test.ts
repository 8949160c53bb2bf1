// `qsdl leak data` with the server-side models of docs/model.md#server-capabilities (qfi, counting, holevo-subadditive,
// holevo-symmetric): spawns the real built binary (npm test builds first) and checks stdout,
// stderr and exit code separately. The published models are covered in test/cli.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingDataLeak, DATA_LEAK_MODELS, dataLeak, holevoSubadditiveDataLeak, holevoSymmetricDataLeak, qfiDataLeak } from '../src/index.js';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));
const qsdl = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const json = (...args: string[]) => JSON.parse(qsdl('leak', 'data', ...args, '--json').stdout) as Record<string, unknown> & { bits: number; otherModels: Record<string, number> };

let dir: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'qsdl-cli-data-'));
});

describe('qsdl leak data --model qfi|counting|holevo-subadditive|holevo-symmetric', () => {
  it('--json bits equal the library with M = N by default (one layer: --inputs given for the Holevo bounds); every other model is listed beside', () => {
    for (const model of ['qfi', 'counting', 'holevo-subadditive', 'holevo-symmetric'] as const) {
      const r = qsdl('leak', 'data', '--gain', '1.2', '--model', model, '--inputs', '784', '--json');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as { bits: number; rows: number; unit: string; otherModels: Record<string, number> };
      expect(out.bits).toBe(dataLeak({ gain: 1.2, model }));
      expect(out.rows).toBe(784);
      expect(out.unit).toBe('bits per data symbol');
      expect(Object.keys(out.otherModels).sort()).toEqual(DATA_LEAK_MODELS.filter((m) => m !== model).sort());
      expect(out.otherModels['paper-2025']).toBe(dataLeak({ gain: 1.2, model: 'paper-2025' })); // its own default M = N + 10
    }
  });

  it('--rows, --efficiency, --dark-counts, --inputs and --active-fraction reach the formulas', () => {
    const c = json('--gain', '2', '--model', 'counting', '--rows', '100', '--efficiency', '0.6', '--dark-counts', '1e-4', '--inputs', '500', '--active-fraction', '0.2');
    expect(c.bits).toBe(countingDataLeak({ gain: 2, rows: 100, efficiency: 0.6, darkCounts: 1e-4, inputs: 500, activeFraction: 0.2 }));
    expect([c.efficiency, c.darkCounts, c.rows, c.samples]).toEqual([0.6, 1e-4, 100, 100]);
    expect(c.otherModels.qfi).toBe(qfiDataLeak(2, 100, 100)); // other models get only the flags they take
    expect(c.otherModels['holevo-symmetric']).toBe(holevoSymmetricDataLeak(2, 500, 100));
    expect(json('--gain', '1.5', '--model', 'holevo-subadditive', '--inputs', '10', '--rows', '3').bits).toBe(holevoSubadditiveDataLeak(1.5, 10, 3));
    const h = json('--gain', '1.5', '--model', 'holevo-symmetric', '--rows', '784');
    expect([h.activeFraction, h.samples, h.x, h.efficiency]).toEqual([null, null, null, null]);
  });

  it('the table names what each number is (model, bound or attack) and the rows used', () => {
    const r = qsdl('leak', 'data', '--gain', '2', '--model', 'holevo-symmetric', '--inputs', '784');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/M = 784 rows \(paper-2025: 794\)/);
    expect(r.stdout).toMatch(new RegExp(`^holevo-symmetric \\* +${String(holevoSymmetricDataLeak(2, 784, 784)).replace('.', '\\.')} `, 'm'));
    expect(r.stdout).toMatch(/holevo-symmetric \*\s+1\.368966\d*\s+Holevo upper bound \(photon-number blocks\)/);
    expect(r.stdout).toMatch(/counting\s+0\.4253085\d*\s+displace-and-count attack \(achieved\)/);
    expect(r.stdout).toMatch(/corrected\s+0\.007286353\d*\s+homodyne model, σ⁴ Fisher information \(not a bound\)/);
    expect(r.stdout).toMatch(/the\s+Holevo bounds cap what any server can learn\s+from this one layer/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('every model prints exactly 0 at G = 1', () => {
    const out = json('--gain', '1', '--model', 'counting', '--dark-counts', '0.01');
    expect([out.bits, ...Object.values(out.otherModels)]).toEqual(new Array(DATA_LEAK_MODELS.length).fill(0));
  });

  it('batch: columns rows, efficiency, dark-counts; one result per row', () => {
    const input = join(dir, 'count.csv');
    writeFileSync(input, 'gain,rows,efficiency,dark-counts\n1.2,784,1,0\n2,10,0.5,1e-3\n');
    const r = qsdl('leak', 'data', '--input', input, '--model', 'counting');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('gain,rows,efficiency,dark-counts,bits');
    expect(Number(lines[1]?.split(',')[4])).toBe(countingDataLeak({ gain: 1.2 }));
    expect(Number(lines[2]?.split(',')[4])).toBe(countingDataLeak({ gain: 2, rows: 10, efficiency: 0.5, darkCounts: 1e-3 }));
  });
});

describe('qsdl leak data: bad input for the new flags (one line on stderr, exit 2)', () => {
  it.each([
    ['efficiency above 1', ['--gain', '2', '--model', 'counting', '--efficiency', '1.5'], /--efficiency must be a number in \(0, 1\]; received 1\.5/],
    ['negative dark counts', ['--gain', '2', '--model', 'counting', '--dark-counts', '-1'], /--dark-counts must be a number in \[0, ∞\); received -1/],
    ['non-numeric dark counts', ['--gain', '2', '--model', 'counting', '--dark-counts', 'few'], /--dark-counts must be a decimal number in \[0, ∞\); received "few"/],
    ['efficiency with a homodyne model', ['--gain', '2', '--efficiency', '0.5'], /efficiency applies to the counting model only; model is corrected/],
    ['active fraction with a Holevo bound', ['--gain', '2', '--model', 'holevo-subadditive', '--active-fraction', '0.2'], /active-fraction applies to the paper-2024, corrected, paper-2025, qfi and counting models only; model is holevo-subadditive/],
    ['fractional rows', ['--gain', '2', '--model', 'qfi', '--rows', '2.5'], /rows M must be an integer in \{1, 2, …, 1e10\}; received 2\.5/],
    ['too many rows', ['--gain', '2', '--model', 'holevo-symmetric', '--rows', '1e11'], /--rows must be a number in \(0, 1e10\]; received 1e11/],
    ['too few active pixels', ['--gain', '2', '--model', 'counting', '--inputs', '3', '--active-fraction', '0.2'], /samples n = f·N \(active pixels carry x̂_j² = 1\/n, so n ≥ 1\) must be a finite number in \[1, ∞\); received 0\.6/],
  ])('%s', (_name, args, message) => {
    const r = qsdl('leak', 'data', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qsdl: error: /);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('the help names the flags with their units', () => {
    const r = qsdl('leak', 'data', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--efficiency <η>\s+detector efficiency η of the counting server\s+\(dimensionless\); counting model only \(default 1\) \(a\s+number in \(0, 1\]\)/);
    expect(r.stdout).toMatch(/--dark-counts <d>\s+mean dark counts d per mode per row\s+\(counts,\s+Poisson\);/);
    expect(r.stdout).toMatch(/--technical-photons <t>\s+technical-noise photons t per row along x̂/);
    expect(r.stdout).toMatch(/--network <FILE>/);
  });
});
