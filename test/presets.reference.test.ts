// Every shared reference file reproduced through the public API (tolerances from
// test/fixtures/README.md, which cites the reference set's own 50-digit check).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cramerRaoDataLeak,
  holevoWeightLeak,
  logspace,
  paper2024,
  paper2025,
  paperLogisticAccuracy,
  paperRawAccuracy,
  PAPER_RAW_ACCURACY,
  paperLogisticInverse,
  PAPER_LOGISTIC_PARAMS,
  paperMap,
  paperMapAsWritten,
  revisedDataLeak,
} from '../src/index.js';
import { closeTo, fixturePath, num, readCsvFixture } from './_helpers/fixtures.js';

// Leak.m loses digits at small ε (≤ 1.2e-6 relative) and leaves residues ≤ 8e-14 at exact zeros
// (reference README); 1e-13 absolute covers those residues and nothing else.
const LEAK_ABS = 1e-13;
const LEAK_REL = 2e-6;
// CCRB1.m: absolute error < 1e-15; relative < 5e-5 above 1e-12 bits.
const CCRB_ABS = 1e-15;
const CCRB_REL = 5e-5;
// Grids rebuilt with logspace differ from Octave's by a few ulps of the exponent.
const GRID_REL = 1e-14;
// Plain double arithmetic on the same inputs (DX2, SNR, the logistic): a few ulps.
const ARITH_REL = 1e-13;

function failures<T>(rows: T[], check: (row: T, i: number) => string): string[] {
  return rows.map((r, i) => check(r, i)).filter((s) => s !== '').slice(0, 5);
}

describe('paper-2024 preset reproduces the authors\' reference values', () => {
  it('leak_grid.csv: holevoWeightLeak(V, T, ε) = Leak.m on all 560 rows', () => {
    const rows = readCsvFixture('leak_grid.csv');
    expect(rows).toHaveLength(560);
    const bad = failures(rows, (r) => {
      const got = holevoWeightLeak({ modulationVariance: num(r, 'V'), transmittance: num(r, 'T'), excessNoise: num(r, 'epsilon') });
      const msg = closeTo(got, num(r, 'leak_bits'), LEAK_ABS, LEAK_REL);
      return msg && `V=${r.V} T=${r.T} ε=${r.epsilon}: ${msg}`;
    });
    expect(bad).toEqual([]);
  });

  it('ccrb1_grid.csv: cramerRaoDataLeak paper-2024 (σ⁸) and corrected (σ⁴) on all 240 rows', () => {
    const rows = readCsvFixture('ccrb1_grid.csv');
    expect(rows).toHaveLength(240);
    const bad = failures(rows, (r) => {
      const [g, n, x] = [num(r, 'G'), num(r, 'n'), num(r, 'x')];
      const a = closeTo(cramerRaoDataLeak(g, n, x, 'paper-2024'), num(r, 'info_bits'), CCRB_ABS, CCRB_REL);
      const b = closeTo(cramerRaoDataLeak(g, n, x, 'corrected'), num(r, 'info_bits_sigma4'), CCRB_ABS, CCRB_REL);
      return a || b ? `G=${g} n=${n} x=${x}: ${a} ${b}` : '';
    });
    expect(bad).toEqual([]);
  });

  it('paper_maps (full grid, 64 gains): paperMap matches every subsampled row in all 8 columns', () => {
    const ref = readCsvFixture('paper_maps_subsample.csv');
    const map = paperMap(paper2024, paper2024.mapGrid(64).gains);
    expect(map).toHaveLength(64 * 512);
    const muGrid = paper2024.mapGrid(64).mus;
    const bad = failures(ref, (r) => {
      // locate the row by its grid indices, then compare the grid values themselves too
      const gi = paper2024.mapGrid(64).gains.findIndex((g) => Math.abs(g - num(r, 'G')) <= GRID_REL * g);
      const mi = muGrid.findIndex((m) => Math.abs(m - num(r, 'mu')) <= GRID_REL * m);
      if (gi < 0 || mi < 0) return `grid point G=${r.G} mu=${r.mu} not on qsdl's grid`;
      const row = map[gi * 512 + mi];
      if (row === undefined) return 'missing row';
      const msgs = [
        closeTo(row.excessNoise, num(r, 'epsilon'), 0, GRID_REL),
        closeTo(row.weightBits, num(r, 'w_leak_bits'), LEAK_ABS, LEAK_REL),
        closeTo(row.dataBits, num(r, 'd_leak_bits'), CCRB_ABS, CCRB_REL),
        closeTo(row.dx2, num(r, 'DX2'), 0, GRID_REL),
        closeTo(row.snr, num(r, 'SNR'), 0, GRID_REL),
        closeTo(row.accuracyFitPercent, num(r, 'acc_fit_percent'), 0, ARITH_REL),
      ].filter(Boolean);
      return msgs.length ? `G=${r.G} mu=${r.mu}: ${msgs.join('; ')}` : '';
    });
    expect(ref).toHaveLength(288);
    expect(bad).toEqual([]);
  });

  it('maps_as_written_K512.csv: paperMapAsWritten reproduces the element-wise pairing slip', () => {
    const ref = readCsvFixture('maps_as_written_K512.csv');
    const got = paperMapAsWritten(paper2024);
    expect(got).toHaveLength(512);
    const bad = failures(ref, (r, i) => {
      const row = got[i];
      if (row === undefined) return 'missing';
      const msgs = [
        row.index === num(r, 'index') ? '' : `index ${row.index}`,
        closeTo(row.mu, num(r, 'mu'), 0, GRID_REL),
        closeTo(row.gain, num(r, 'G'), 0, GRID_REL),
        closeTo(row.excessNoise, num(r, 'epsilon'), 0, GRID_REL),
        closeTo(row.weightBits, num(r, 'w_leak_bits'), LEAK_ABS, LEAK_REL),
        closeTo(row.dataBits, num(r, 'd_leak_bits'), CCRB_ABS, CCRB_REL),
      ].filter(Boolean);
      return msgs.length ? `row ${i + 1}: ${msgs.join('; ')}` : '';
    });
    expect(bad).toEqual([]);
  });

  it('full-grid value / as-written value spans 0.018 to 78 over the 64-gain map, as the reference README reports', () => {
    const asWritten = paperMapAsWritten(paper2024);
    const grid = paper2024.mapGrid(64);
    // Row G_j of the contour map is drawn at x = the as-written value of column i, computed at G(i) of the 512-gain grid.
    let lo = Infinity;
    let hi = 0;
    for (const gain of grid.gains) {
      grid.mus.forEach((mu, i) => {
        const right = holevoWeightLeak({ mu, excessNoise: (2 * gain - 2) / gain / 392 });
        const ratio = right / (asWritten[i] as { weightBits: number }).weightBits;
        lo = Math.min(lo, ratio);
        hi = Math.max(hi, ratio);
      });
    }
    expect(lo).toBeGreaterThan(0.0175);
    expect(lo).toBeLessThan(0.0185);
    expect(hi).toBeGreaterThan(77);
    expect(hi).toBeLessThan(79);
  });

  it('neurons_and_loss.csv: both panels, including the amplitude-transmittance slip and its corrected column', () => {
    const ref = readCsvFixture('neurons_and_loss.csv');
    const got = paper2024.neuronsAndLoss();
    expect(got).toHaveLength(200);
    const bad = failures(ref, (r, i) => {
      const row = got[i];
      if (row === undefined) return 'missing';
      const msgs = [
        row.panel === r.panel ? '' : `panel ${row.panel}`,
        closeTo(row.neurons, num(r, 'n_neurons'), 0, GRID_REL),
        closeTo(row.effectiveInputs, num(r, 'n_eff'), 0, GRID_REL),
        closeTo(row.gain, num(r, 'G'), 0, 0),
        closeTo(row.modulationVariance, num(r, 'V'), 0, GRID_REL),
        closeTo(row.transmittance, num(r, 'T'), 0, GRID_REL),
        closeTo(row.lossDb, num(r, 'loss_dB'), 1e-14, GRID_REL),
        closeTo(row.excessNoise, num(r, 'epsilon'), 0, GRID_REL),
        closeTo(row.weightBits, num(r, 'w_leak_bits'), LEAK_ABS, LEAK_REL),
        closeTo(row.dataBits, num(r, 'd_leak_bits'), CCRB_ABS, CCRB_REL),
        closeTo(row.weightBitsPowerTransmittance, num(r, 'w_leak_bits_T_power'), LEAK_ABS, LEAK_REL),
      ].filter(Boolean);
      return msgs.length ? `row ${i + 1}: ${msgs.join('; ')}` : '';
    });
    expect(bad).toEqual([]);
    // The slip matters: with the power transmittance the weight leakage is larger at every loss > 0.
    const panelB = got.filter((r) => r.panel === 'b' && r.lossDb > 0);
    expect(panelB.every((r) => r.weightBitsPowerTransmittance > r.weightBits)).toBe(true);
  });

  it('accuracy_vs_F.csv: the F grid is logspace(−3, 2, 512) and paperLogisticAccuracy = fitted_percent', () => {
    const ref = readCsvFixture('accuracy_vs_F.csv');
    const fs = logspace(-3, 2, 512);
    const bad = failures(ref, (r, i) =>
      [closeTo(fs[i] as number, num(r, 'F'), 0, GRID_REL), closeTo(paperLogisticAccuracy(num(r, 'F')), num(r, 'fitted_percent'), 0, ARITH_REL)].filter(Boolean).join('; '),
    );
    expect(bad).toEqual([]);
  });

  it('accuracy_vs_F.csv: PAPER_RAW_ACCURACY holds the 512 simulated accuracies; paperRawAccuracy is exact at the grid points', () => {
    const ref = readCsvFixture('accuracy_vs_F.csv');
    expect(PAPER_RAW_ACCURACY).toHaveLength(512);
    ref.forEach((r, i) => {
      expect(PAPER_RAW_ACCURACY[i]).toBe(num(r, 'accuracy_percent'));
      expect(closeTo(paperRawAccuracy(num(r, 'F')), num(r, 'accuracy_percent'), 1e-12, 0)).toBe('');
    });
    expect(paperRawAccuracy(1e-4)).toBeNaN();
    // Halfway in log F between points 345 and 346 (1-based) lies the mean of their accuracies.
    const f = Math.sqrt(num(ref[344] ?? {}, 'F') * num(ref[345] ?? {}, 'F'));
    expect(closeTo(paperRawAccuracy(f), (num(ref[344] ?? {}, 'accuracy_percent') + num(ref[345] ?? {}, 'accuracy_percent')) / 2, 1e-12, 0)).toBe('');
  });

  it('logistic_fit.json: same parameters, and the fitted 96 % crossing F = 1.4468', () => {
    const fit = JSON.parse(readFileSync(fixturePath('logistic_fit.json'), 'utf8')) as {
      params: Record<'b1' | 'b2' | 'b3' | 'b4', number>;
      threshold_96_percent: { fitted_equals_96: { F: number } };
    };
    expect(PAPER_LOGISTIC_PARAMS).toEqual(fit.params);
    expect(closeTo(paperLogisticInverse(96), fit.threshold_96_percent.fitted_equals_96.F, 0, 1e-12)).toBe('');
  });
});

describe('paper-2025 preset (no reference file: checked against its formulas)', () => {
  it('neurons-and-loss rows: 0.5·χ_W at V = 13 (panel a), V = 12/t² + 1 with amplitude t (panel b), revised data formula with M = 784, n = N', () => {
    const rows = paper2025.neuronsAndLoss();
    expect(rows).toHaveLength(200);
    for (const r of rows) {
      const eps = (2 * 1.3 - 2) / 1.3 / (r.neurons / 2);
      expect(closeTo(r.excessNoise, eps, 0, 1e-15)).toBe('');
      expect(r.weightBits).toBe(0.5 * holevoWeightLeak({ modulationVariance: r.modulationVariance, transmittance: r.transmittance, excessNoise: r.excessNoise }));
      expect(r.dataBits).toBe(revisedDataLeak(1.3, 784, r.neurons));
      if (r.panel === 'b') {
        expect(closeTo(r.modulationVariance, 12 / r.transmittance ** 2 + 1, 0, 1e-15)).toBe('');
        expect(r.weightBitsPowerTransmittance).toBe(0.5 * holevoWeightLeak({ modulationVariance: r.modulationVariance, transmittance: r.transmittance ** 2, excessNoise: r.excessNoise }));
      } else {
        expect(r.modulationVariance).toBe(13);
      }
    }
  });

  it('map: 0.5·χ_W at T = 1 and the revised data formula with M = 794, n = 392, on its own grid', () => {
    const grid = paper2025.mapGrid(8);
    const map = paperMap(paper2025, grid.gains);
    expect(map).toHaveLength(8 * 512);
    expect(grid.gains[0]).toBeCloseTo(1 + 10 ** -2.1, 15);
    expect(grid.mus[511]).toBeCloseTo(50, 12);
    for (const r of map.filter((_, i) => i % 97 === 0)) {
      expect(r.weightBits).toBe(0.5 * holevoWeightLeak({ mu: r.mu, excessNoise: (2 * r.gain - 2) / r.gain / 392 }));
      expect(r.dataBits).toBe(revisedDataLeak(r.gain, 794, 392));
    }
  });
});
