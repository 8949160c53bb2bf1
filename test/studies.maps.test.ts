import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ACCURACY_SOURCES, DATA_LEAK_MODELS, accuracyLeakageMap, accuracyLeakageMapColumns, accuracyLeakageMapSvg, accuracyLookup, dataLeak,
  headline, holevoWeightLeak, logspace, measurementNoiseFactor, paper2024, type AccuracyLeakageMap,
} from '../src/index.js';
import { closeTo, num, readCsvFixture } from './_helpers/fixtures.js';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));

describe('accuracyLeakageMap: the full (μ, G) grid', () => {
  it('reproduces the authors\' Maps.m quantities at their grid points (paper_maps_subsample.csv: χ_W, σ⁸ data, SNR, fitted accuracy)', () => {
    const ref = readCsvFixture('paper_maps_subsample.csv');
    const bad: string[] = [];
    for (const r of ref) {
      const row = accuracyLeakageMap([num(r, 'G')], [num(r, 'mu')], () => Number.NaN).rows[0];
      if (row === undefined) throw new Error('no row');
      // Tolerances of the reference README: Leak.m's float64 error (1e-13 absolute or 2e-6 relative).
      const msgs = [
        closeTo(row.weightBits, num(r, 'w_leak_bits'), 1e-13, 2e-6),
        closeTo(row.dataBits['paper-2024'], num(r, 'd_leak_bits'), 1e-15, 5e-5),
        closeTo(row.snr, num(r, 'SNR'), 0, 1e-14),
        closeTo(row.accuracyPercent['paper-fit'], num(r, 'acc_fit_percent'), 1e-9, 1e-9),
      ].filter((m) => m !== '');
      if (msgs.length > 0) bad.push(`G=${r.G} mu=${r.mu}: ${msgs.join('; ')}`);
    }
    expect(ref).toHaveLength(288);
    expect(bad).toEqual([]);
  });

  it('pairs every gain with every μ (gain outermost), and each column is its own model', () => {
    const gains = [1.2, 2, 3];
    const mus = [0.5, 4, 9, 20];
    const lookup = accuracyLookup([1e-3, 1e3], [10, 100]);
    const map = accuracyLeakageMap(gains, mus, lookup);
    expect(map.rows).toHaveLength(12);
    gains.forEach((g, i) =>
      mus.forEach((m, j) => {
        const r = map.rows[i * mus.length + j];
        expect([r?.gain, r?.mu]).toEqual([g, m]);
        const snr = m / measurementNoiseFactor(g);
        expect(r?.snr).toBe(snr);
        expect(r?.accuracyPercent.simulated).toBe(lookup(snr));
        expect(r?.weightBits).toBeCloseTo(holevoWeightLeak({ mu: m, excessNoise: (2 * (g - 1)) / g / 392 }), 15);
        for (const model of DATA_LEAK_MODELS) expect(r?.dataBits[model]).toBe(dataLeak({ gain: g, model }));
      }),
    );
    expect(accuracyLeakageMapColumns()).toEqual([
      'gain', 'mu', 'snr', 'accuracy_simulated_percent', 'accuracy_paper_fit_percent', 'accuracy_paper_raw_percent', 'accuracy_paper_raw_same_noise_percent',
      'weight_bits', 'data_paper_2024_bits', 'data_corrected_bits', 'data_paper_2025_bits',
      'data_qfi_bits', 'data_counting_bits', 'data_holevo_subadditive_bits', 'data_holevo_symmetric_bits',
    ]);
    expect(() => accuracyLeakageMap([0.9], [1], lookup)).toThrow(/gains\[0\] must be .*received 0.9/);
    expect(() => accuracyLeakageMap([2], [-1], lookup)).toThrow(/mus\[0\] must be .*received -1/);
  });
});

/** A small random map whose accuracy is a smooth function of SNR. */
const smallMap = (seed: number, shift: number): AccuracyLeakageMap => {
  const gains = logspace(-2, Math.log10(2.2), 9 + (seed % 5)).map((g) => 1 + g);
  const mus = logspace(-1, 1.5, 11 + (seed % 7));
  return accuracyLeakageMap(gains, mus, (snr) => 100 - 90 / (1 + (snr / shift) ** 2));
};

describe('headline: the claim over a map', () => {
  it('a point is in a region exactly when all three criteria hold there; ranges, slices, edges and disagreements follow (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.05, max: 5, noNaN: true }), (seed, shift) => {
        const map = smallMap(seed, shift);
        const h = headline(map);
        expect(h.regions).toHaveLength(DATA_LEAK_MODELS.length * ACCURACY_SOURCES.length);
        for (const reg of h.regions) {
          const inside = map.rows.filter((r) => r.accuracyPercent[reg.accuracySource] >= 96 && r.weightBits <= 0.1 && r.dataBits[reg.dataModel] <= 0.01);
          expect(reg.points).toBe(inside.length);
          expect(reg.feasible).toBe(inside.length > 0);
          if (inside.length > 0) {
            expect(reg.muRange).toEqual([Math.min(...inside.map((r) => r.mu)), Math.max(...inside.map((r) => r.mu))]);
            expect(reg.gainRange).toEqual([Math.min(...inside.map((r) => r.gain)), Math.max(...inside.map((r) => r.gain))]);
            expect(reg.slices.reduce((s, sl) => s + inside.filter((r) => r.gain === sl.gain && r.mu >= sl.muMin && r.mu <= sl.muMax).length, 0)).toBe(inside.length);
            expect(reg.edges.includes('μ max')).toBe(inside.some((r) => r.mu === map.mus[map.mus.length - 1]));
            expect(reg.best?.worstRelativeMargin).toBeGreaterThanOrEqual(0);
          } else {
            expect(reg.best?.worstRelativeMargin).toBeLessThan(0);
          }
        }
        for (const d of h.disagreements) {
          const sim = h.regions.find((r) => r.dataModel === d.dataModel && r.accuracySource === 'simulated');
          const other = h.regions.find((r) => r.dataModel === d.dataModel && r.accuracySource === d.accuracySource);
          expect(d.verdictDiffers).toBe(sim?.feasible !== other?.feasible);
          expect((other?.points ?? 0) - (sim?.points ?? 0)).toBe(d.onlyInSource - d.onlyInSimulated);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the data criterion alone sets the largest gain: σ⁴ data leakage crosses 0.01 bit between the region\'s top gain and the next (closed form, bisection)', () => {
    const gains = logspace(-2, Math.log10(2.2), 200).map((g) => 1 + g);
    const map = accuracyLeakageMap(gains, [1000], () => 99); // accuracy met, χ_W ≤ 0.1 is not the binding limit? check below
    // Bisection on the corrected model for dataLeak(G) = 0.01.
    let lo = 1.01;
    let hi = 3.2;
    for (let k = 0; k < 200; k += 1) {
      const mid = (lo + hi) / 2;
      if (dataLeak({ gain: mid }) <= 0.01) lo = mid;
      else hi = mid;
    }
    const reg = headline(map, { minAccuracyPercent: 96, maxWeightBits: 100, maxDataBits: 0.01 }).regions.find((r) => r.dataModel === 'corrected' && r.accuracySource === 'simulated');
    const top = reg?.gainRange?.[1] as number;
    expect(top).toBeLessThanOrEqual(lo);
    expect(gains[gains.indexOf(top) + 1]).toBeGreaterThan(lo);
  });

  it('rejects thresholds that are not positive', () => {
    expect(() => headline(smallMap(1, 1), { minAccuracyPercent: 96, maxWeightBits: 0, maxDataBits: 0.01 })).toThrow(/maximum weight leakage \(bits\) must be a finite number in \(0, ∞\); received 0/);
  });
});

describe('accuracyLeakageMapSvg: the contour plot', () => {
  const gains = logspace(-2.2, Math.log10(2.2), 96).map((g) => 1 + g);
  const mus = logspace(-4, 1, 128);
  const map = accuracyLeakageMap(gains, mus, accuracyLookup([1e-8, 1e3], [10, 98]));
  const svg = accuracyLeakageMapSvg(map, { title: 'test <map>', marks: [{ mu: 4, gain: 2, label: 'op' }] });

  it('is one SVG document with an escaped title, a legend entry per line, and no NaN coordinates', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('test &lt;map&gt;');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    for (const label of ['qsdl simulated accuracy 96 %', 'χ_W = 0.1 bit per weight', 'data leakage 0.01 bit (corrected)', 'data leakage 0.01 bit (paper-2025)', "authors' logistic at F = √SNR (their maps), 96 %"]) expect(svg).toContain(label);
  });

  it('draws χ_W = 0.1 where it is: at G = 2 the red line crosses at the μ found by bisection (within 2 px)', () => {
    const clip = /<clipPath id="plot"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const [left, top, width, height] = (clip?.slice(1) ?? []).map(Number) as [number, number, number, number];
    const X = (mu: number) => left + ((Math.log10(mu) + 4) / 5) * width;
    const y2 = top + height - ((Math.log10(1) + 2.2) / (Math.log10(2.2) + 2.2)) * height; // G = 2: log10(G − 1) = 0
    let lo = 0.1;
    let hi = 10;
    const eps = (2 * (2 - 1)) / 2 / 392;
    for (let k = 0; k < 200; k += 1) {
      const mid = Math.sqrt(lo * hi);
      if (holevoWeightLeak({ mu: mid, excessNoise: eps }) <= 0.1) lo = mid;
      else hi = mid;
    }
    const d = /<path d="([^"]+)" fill="none" stroke="#e02424" stroke-width="2.5"/.exec(svg)?.[1] ?? '';
    const pts = [...d.matchAll(/([ML])([\d.]+),([\d.]+)/g)].map((m) => [m[1], Number(m[2]), Number(m[3])] as const);
    const crossings: number[] = [];
    for (let k = 1; k < pts.length; k += 1) {
      const [op, xa, ya] = pts[k - 1] as readonly [string, number, number];
      const [opb, xb, yb] = pts[k] as readonly [string, number, number];
      void op;
      if (opb === 'L' && (ya - y2) * (yb - y2) <= 0 && ya !== yb) crossings.push(xa + ((y2 - ya) / (yb - ya)) * (xb - xa));
    }
    expect(crossings).toHaveLength(1);
    expect(Math.abs((crossings[0] as number) - X(lo))).toBeLessThan(2);
    // The corrected data line is horizontal, at the gain where dataLeak = 0.01 (bisection).
    let gLo = 1.01;
    let gHi = 3.2;
    for (let k = 0; k < 200; k += 1) {
      const mid = (gLo + gHi) / 2;
      if (dataLeak({ gain: mid }) <= 0.01) gLo = mid;
      else gHi = mid;
    }
    const yExpected = top + height - ((Math.log10(gLo - 1) + 2.2) / (Math.log10(2.2) + 2.2)) * height;
    const dd = /<path d="([^"]+)" fill="none" stroke="#7e3af2" stroke-width="2" clip-path/.exec(svg)?.[1] ?? '';
    const ys = [...dd.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(10);
    for (const y of ys) expect(Math.abs(y - yExpected)).toBeLessThan(2);
  });
});

describe('qsdl maps and qsdl headline', () => {
  it('qsdl maps writes the curve, the map (every pair) and the SVG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsdl-maps-'));
    try {
      const r = spawnSync(process.execPath, [BIN, 'maps', '--gains', '12', '--mus', '20', '--curve-points', '64', '--out-dir', dir], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const csv = readFileSync(join(dir, 'paper-2024-map.csv'), 'utf8').trimEnd().split('\n');
      expect(csv[0]).toBe(accuracyLeakageMapColumns().join(','));
      expect(csv).toHaveLength(1 + 12 * 20);
      expect(readFileSync(join(dir, 'paper-2024-curve.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(65);
      expect(readFileSync(join(dir, 'paper-2024-map.svg'), 'utf8')).toContain('paper-2024 point (μ = 4, G = 2)');
      expect(r.stdout).toMatch(/region with qsdl accuracy ≥ 96 %/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('qsdl headline --json answers for every data model and accuracy source; bad flags exit 2 with one line', () => {
    const r = spawnSync(process.execPath, [BIN, 'headline', '--gains', '16', '--mus', '16', '--curve-points', '64', '--json'], { encoding: 'utf8' });
    const h = JSON.parse(r.stdout) as { totalPoints: number; regions: { dataModel: string; accuracySource: string; feasible: boolean }[]; disagreements: unknown[]; verdict: { verdict: string } };
    // The exit code is the verdict's: 0 holds, 3 fails, 4 unknown (docs/cli.md#exit-codes).
    expect(r.status).toBe({ holds: 0, fails: 3, unknown: 4 }[h.verdict.verdict]);
    expect(h.totalPoints).toBe(256);
    expect(h.regions.map((x) => `${x.dataModel}/${x.accuracySource}`)).toEqual(DATA_LEAK_MODELS.flatMap((m) => ACCURACY_SOURCES.map((s) => `${m}/${s}`)));
    expect(h.disagreements).toHaveLength(DATA_LEAK_MODELS.length * (ACCURACY_SOURCES.length - 1));
    for (const [args, msg] of [
      [['--preset', 'paper-2023'], /--preset must be one of paper-2024, paper-2025; received "paper-2023"/],
      [['--gains', '1'], /--gains must be an integer in \[2, 65536\]; received 1/],
      [['--gains', '1e6'], /--gains must be an integer in \[2, 65536\]; received 1e6/],
      [['--gains', '4096', '--mus', '4096'], /--gains × --mus = 4096 × 4096 = 16777216 map points, above the limit of 1048576/],
      [['--curve-points', '1e9'], /--curve-points must be an integer in \[2, 65536\]; received 1e9/],
      [['--seed', '1.5'], /--seed must be an integer in \[−2\^31, 2\^31\); received 1.5/],
    ] as const) {
      const e = spawnSync(process.execPath, [BIN, 'headline', ...args], { encoding: 'utf8' });
      expect(e.status).toBe(2);
      expect(e.stderr.trim().split('\n')).toHaveLength(1);
      expect(e.stderr).toMatch(msg);
    }
  }, 60_000);
});
