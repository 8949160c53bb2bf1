import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataLeak, effectiveExcessNoise, holevoWeightLeak, renderBoundTable, standardBoundTables } from '../src/index.js';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));
const qsdl = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const byId = (id: string) => {
  const t = standardBoundTables().find((x) => x.id === id);
  if (t === undefined) throw new Error(`no table ${id}`);
  return t;
};

describe('publication tables (bounds/)', () => {
  it('weight-leakage-vs-gain holds χ_W(μ, T = 1, ε = 2(G−1)/(G·f·N)) in every cell', () => {
    const t = byId('weight-leakage-vs-gain');
    t.rows.values.forEach((mu, i) => t.columns.values.forEach((g, j) => {
      expect(t.cells[i]?.[j]).toBe(holevoWeightLeak({ mu, excessNoise: effectiveExcessNoise(g as number, 784, 0.5) }));
    }));
  });

  it('weight-leakage-vs-loss and data-leakage-models hold what their headers say', () => {
    const w = byId('weight-leakage-vs-loss');
    w.rows.values.forEach((mu, i) => w.columns.values.forEach((db, j) => {
      expect(w.cells[i]?.[j]).toBe(holevoWeightLeak({ mu, lossDb: db as number, excessNoise: effectiveExcessNoise(1.3, 784, 0.5) }));
    }));
    const d = byId('data-leakage-models');
    d.rows.values.forEach((gain, i) => d.columns.values.forEach((model, j) => {
      expect(d.cells[i]?.[j]).toBe(dataLeak({ gain, model: model as 'paper-2024' }));
    }));
  });

  it('CSV is long format with full precision: every value reads back to the cell', () => {
    for (const t of standardBoundTables()) {
      const lines = renderBoundTable(t, 'csv').trim().split('\n').filter((l) => !l.startsWith('#'));
      expect(lines).toHaveLength(1 + t.rows.values.length * t.columns.values.length);
      lines.slice(1).forEach((l, k) => {
        const i = Math.floor(k / t.columns.values.length);
        const j = k % t.columns.values.length;
        expect(Number(l.split(',')[2])).toBe(t.cells[i]?.[j]);
      });
      expect(JSON.parse(renderBoundTable(t, 'json'))).toEqual(JSON.parse(JSON.stringify(t)));
    }
  });

  it('LaTeX uses booktabs and no raw Unicode symbols; Markdown has one row per parameter value', () => {
    for (const t of standardBoundTables()) {
      const tex = renderBoundTable(t, 'tex');
      expect(tex).toMatch(/\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
      expect(tex).not.toMatch(/[μχεξν−·]/);
      expect(tex).not.toContain('\\_W'); // χ_W is a subscript, not the text "_W"
      const md = renderBoundTable(t, 'md').split('\n').filter((l) => l.startsWith('| '));
      expect(md).toHaveLength(2 + t.rows.values.length); // header, rule, one row per value
    }
  });

  it('qsdl bounds writes 12 files; --check passes on them and fails, naming the file, after an edit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsdl-bounds-'));
    expect(qsdl('bounds', '--out', dir).status).toBe(0);
    const ok = qsdl('bounds', '--out', dir, '--check');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/all 12 tables are current/);
    const p = join(dir, 'weight-leakage-vs-gain.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/,0\.0/, ',0.1'));
    const bad = qsdl('bounds', '--out', dir, '--check');
    expect(bad.status).toBe(3); // docs/cli.md#exit-codes: a check found a difference
    expect(bad.stdout).toMatch(/is not current \(1 of 12 tables\):\n {2}differ from a fresh computation: weight-leakage-vs-gain\.csv\n/);
    rmSync(join(dir, 'data-leakage-models.tex'));
    const missing = qsdl('bounds', '--out', dir, '--check');
    expect(missing.status).toBe(3);
    expect(missing.stdout).toMatch(/\(2 of 12 tables\):\n {2}missing: data-leakage-models\.tex\n {2}differ from a fresh computation: weight-leakage-vs-gain\.csv\n/);
  });
});
