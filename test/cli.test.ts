// Spawns the real built binary (npm test builds first) and checks stdout, stderr and exit code separately.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from './_helpers/fixtures.js';
import { countingDataLeak, cramerRaoDataLeak, DATA_LEAK_MODELS, holevoSymmetricDataLeak, dataLeak, effectiveExcessNoise, holevoWeightLeak, holevoWeightLeakTextbook, paper2024, revisedDataLeak } from '../src/index.js';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));

function qsdl(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'qsdl-cli-'));
});

describe('qsdl leak weight', () => {
  it('--json prints one object whose bits equal holevoWeightLeak', () => {
    const r = qsdl('leak', 'weight', '--mu', '4', '--gain', '2', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { bits: number; excessNoise: number; unit: string };
    expect(out.bits).toBe(holevoWeightLeak({ mu: 4, excessNoise: effectiveExcessNoise(2, 784, 0.5) }));
    expect(out.excessNoise).toBe(1 / 392);
    expect(out.unit).toBe('bits per weight symbol');
  });

  it('the table names the quantities and their units', () => {
    const r = qsdl('leak', 'weight', '--mu', '4', '--loss-db', '3', '--excess-noise', '0.01');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mean photon number μ\s+4/);
    expect(r.stdout).toMatch(/bits per weight symbol/);
    expect(r.stdout).toContain(String(holevoWeightLeak({ mu: 4, lossDb: 3, excessNoise: 0.01 })));
  });

  it('--loss, --transmittance, --input-excess-noise, --modulation-variance map to the library inputs', () => {
    const bits = (...a: string[]) => (JSON.parse(qsdl('leak', 'weight', ...a, '--json').stdout) as { bits: number }).bits;
    expect(bits('--mu', '2', '--loss', '1e-13')).toBe(holevoWeightLeak({ mu: 2, loss: 1e-13 }));
    expect(bits('--modulation-variance', '5', '--transmittance', '0.5', '--input-excess-noise', '0.02')).toBe(holevoWeightLeak({ mu: 2, transmittance: 0.5, inputExcessNoise: 0.02 }));
  });

  it('--preset paper-2025 halves χ_W; --model textbook-float64 gives the published float64 form', () => {
    const bits = (...a: string[]) => (JSON.parse(qsdl('leak', 'weight', '--mu', '4', '--excess-noise', '1e-12', ...a, '--json').stdout) as { bits: number }).bits;
    expect(bits('--preset', 'paper-2025')).toBe(0.5 * holevoWeightLeak({ mu: 4, excessNoise: 1e-12 }));
    expect(bits('--model', 'textbook-float64')).toBe(holevoWeightLeakTextbook(9, 1, 1e-12));
  });

  it('batch: --input CSV writes one row per input row, echoing the input and appending bits', () => {
    const input = join(dir, 'w.csv');
    writeFileSync(input, 'mu,loss-db,excess-noise\n4,0,0.0025\n1,3,0\r\n0.5,1e-9,1e-12\n');
    const r = qsdl('leak', 'weight', '--input', input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('mu,loss-db,excess-noise,bits');
    expect(lines).toHaveLength(4);
    expect(lines[2]?.startsWith('1,3,0,')).toBe(true);
    expect(Number(lines[2]?.split(',')[3])).toBe(holevoWeightLeak({ mu: 1, lossDb: 3 }));
    expect(Number(lines[3]?.split(',')[3])).toBe(holevoWeightLeak({ mu: 0.5, lossDb: 1e-9, excessNoise: 1e-12 }));
  });

  it('batch: trailing empty lines are not rows', () => {
    const input = join(dir, 'trail.csv');
    writeFileSync(input, 'mu\n1\n2\n\n\r\n\n');
    const r = qsdl('leak', 'weight', '--input', input, '--excess-noise', '0.01');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('--loss 1e-13 reports the loss in dB from L itself: 4.3429e-13 dB, not from 1 − L', () => {
    const out = JSON.parse(qsdl('leak', 'weight', '--mu', '1', '--loss', '1e-13', '--json').stdout) as { lossDb: number };
    expect(relativeError(out.lossDb, (10 * 1e-13) / Math.LN10)).toBeLessThan(1e-12);
  });

  it('batch: a byte-order mark, CRLF line ends and no final newline are accepted; --no-echo writes bits alone', () => {
    const input = join(dir, 'bom.csv');
    writeFileSync(input, '\ufeffmu,excess-noise\r\n4,0.01\r\n2,0');
    const r = qsdl('leak', 'weight', '--input', input, '--no-echo');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect([lines[0], lines[2], lines[3]]).toEqual(['bits', '0', '']);
    expect(Number(r.stdout.split('\n')[1])).toBe(holevoWeightLeak({ mu: 4, excessNoise: 0.01 }));
  });

  it('batch: flags fill missing columns; --json gives an array; --output writes the file', () => {
    const input = join(dir, 'w2.csv');
    writeFileSync(input, 'mu\n1\n2\n');
    const output = join(dir, 'w2.json');
    const r = qsdl('leak', 'weight', '--input', input, '--gain', '1.2', '--json', '--output', output);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const rows = JSON.parse(readFileSync(output, 'utf8')) as { mu: number; bits: number }[];
    expect(rows.map((x) => x.bits)).toEqual([1, 2].map((mu) => holevoWeightLeak({ mu, excessNoise: effectiveExcessNoise(1.2, 784, 0.5) })));
  });
});

describe('qsdl leak data', () => {
  it('--json bits for each model equal the library, and the other models are listed beside', () => {
    for (const model of ['paper-2024', 'corrected', 'paper-2025'] as const) {
      const r = qsdl('leak', 'data', '--gain', '1.5', '--model', model, '--json');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { bits: number; otherModels: Record<string, number> };
      expect(out.bits).toBe(dataLeak({ gain: 1.5, model }));
      expect(Object.keys(out.otherModels)).toHaveLength(DATA_LEAK_MODELS.length - 1);
    }
  });

  it('--preset picks the preset\'s model; --rows and --x reach the formulas', () => {
    const bits = (...a: string[]) => (JSON.parse(qsdl('leak', 'data', ...a, '--json').stdout) as { bits: number }).bits;
    expect(bits('--gain', '2', '--preset', 'paper-2024')).toBe(paper2024.dataLeak({ gain: 2 }));
    expect(bits('--gain', '2', '--model', 'paper-2025', '--rows', '784')).toBe(revisedDataLeak(2, 784, 392));
    expect(bits('--gain', '2', '--model', 'paper-2024', '--x', '0.1', '--inputs', '100', '--active-fraction', '1')).toBe(cramerRaoDataLeak(2, 100, 0.1, 'paper-2024'));
  });

  it('batch over gains', () => {
    const input = join(dir, 'd.csv');
    writeFileSync(input, 'gain,inputs\n1,784\n2,784\n1.2,100\n');
    const r = qsdl('leak', 'data', '--input', input, '--model', 'corrected');
    expect(r.code).toBe(0);
    const last = r.stdout.trim().split('\n')[3]?.split(',');
    expect(last?.slice(0, 2)).toEqual(['1.2', '100']);
    expect(Number(last?.[2])).toBe(dataLeak({ gain: 1.2, inputs: 100, model: 'corrected' }));
  });
});

describe('qsdl paper (the main job)', () => {
  it('prints the claims, both operating points, the published codes\' values and qsdl\'s, and exits with its verdict', () => {
    const r = qsdl('paper');
    const json = JSON.parse(qsdl('paper', '--json').stdout) as { verdict: string; networkSha256: string; operatingPoints: { verdicts: Record<string, string>; entries: { source: string; value: number; kind: string; decisive: boolean }[] }[] };
    // The verdict follows from the decisive entries: an achieved attack above 0.01 bit refutes the data claim.
    const first = json.operatingPoints[0]?.entries ?? [];
    const counting = first.find((e) => e.source.startsWith('qsdl: displace-and-count'));
    expect(counting?.value).toBe(countingDataLeak({ gain: 2 }));
    expect(counting?.kind).toBe('achieved');
    expect(counting?.decisive).toBe(true);
    expect(counting?.value).toBeGreaterThan(0.01);
    expect(json.operatingPoints[0]?.verdicts.data).toBe('fails');
    expect(json.verdict).toBe('fails');
    expect(r.code).toBe(3); // docs/cli.md#exit-codes: 3 = a claim fails
    expect(json.networkSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stdout).toContain('weight leakage < 0.1 bit');
    expect(r.stdout).toMatch(/μ = 4 photons per weight symbol, G =\s+2/);
    expect(r.stdout).toMatch(/μ = 6 photons per weight symbol, G =\s+1\.3/);
    expect(r.stdout).toMatch(/authors' simulated curve at F = √SNR\s+measured\s+93\.1\d*\s+−2\.89/);
    expect(r.stdout).toMatch(/qsdl: trained network, physical noise \*\s+measured\s+97\.36\s+\+1\.36 pt/);
    expect(r.stdout).toMatch(/Verdict: the paper's claim FAILS at its published operating points \(exit 3\)/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    expect(first.find((e) => e.source === 'qsdl: Holevo bound χ_W')?.value).toBe(holevoWeightLeak({ mu: 4, excessNoise: effectiveExcessNoise(2, 784) }));
    const second = json.operatingPoints[1]?.entries ?? [];
    expect(second.find((e) => e.source.startsWith('paper-2025 code, figure'))?.value).toBe(revisedDataLeak(1.3, 784, 784));
    // the first layer's bound is shown but decides nothing; the whole network's bound (chain rule) decides
    const firstLayer = first.find((e) => e.source.startsWith('qsdl: Holevo bound, first layer only'));
    expect(firstLayer?.value).toBe(holevoSymmetricDataLeak(2, 784, 784));
    expect(firstLayer?.decisive).toBe(false);
    const network = first.find((e) => e.source === 'qsdl: Holevo bound, 784-784-10 network');
    expect(network?.decisive).toBe(true);
    expect(network?.value).toBeCloseTo(holevoSymmetricDataLeak(2, 784, 784) + holevoSymmetricDataLeak(2, 784, 10), 12);
    // interferometric counting on the paper's own pm1 inputs (measured, achieved) is far above 0.01 at both points
    for (const entries of [first, second]) {
      const interferometric = entries.find((e) => e.source === 'qsdl: interferometric counting, MNIST pm1');
      expect(interferometric?.kind).toBe('achieved');
      expect(interferometric?.value).toBeGreaterThan(0.05);
    }
  });
});

describe('bad input: one line on stderr naming parameter, range and value; non-zero exit; no stack trace', () => {
  const badCsv = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const cases: [string, () => string[], RegExp][] = [
    ['NaN μ', () => ['leak', 'weight', '--mu', 'NaN'], /--mu must be a number in \[0, 1e12\]; received NaN/],
    ['non-numeric μ', () => ['leak', 'weight', '--mu', 'four'], /--mu must be a decimal number in \[0, 1e12\]; received "four"/],
    ['negative μ', () => ['leak', 'weight', '--mu', '-1'], /--mu must be a number in \[0, 1e12\]; received -1/],
    ['negative ε', () => ['leak', 'weight', '--mu', '1', '--excess-noise', '-0.1'], /--excess-noise must be a number in \[0, 1e6\]; received -0\.1/],
    ['T = 0', () => ['leak', 'weight', '--mu', '1', '--transmittance', '0'], /--transmittance must be a number in \[2\^−53 ≈ 1\.1e-16, 1\]; received 0/],
    ['T > 1', () => ['leak', 'weight', '--mu', '1', '--transmittance', '1.01'], /--transmittance must be a number in \[2\^−53 ≈ 1\.1e-16, 1\]; received 1\.01/],
    ['G < 1 (weight)', () => ['leak', 'weight', '--mu', '1', '--gain', '0.9'], /--gain must be a number in \[1, ∞\); received 0\.9/],
    ['G < 1 (data)', () => ['leak', 'data', '--gain', '0.5'], /--gain must be a number in \[1, ∞\); received 0\.5/],
    ['missing gain', () => ['leak', 'data'], /gain is required \(client amplifier gain G ≥ 1, as --gain or a column\)/],
    ['unknown model', () => ['leak', 'data', '--gain', '2', '--model', 'oracle'], /--model must be one of paper-2024, corrected, paper-2025, qfi, counting, holevo-subadditive, holevo-symmetric; received "oracle"/],
    ['unknown preset', () => ['leak', 'weight', '--mu', '1', '--preset', 'paper-2030'], /preset must be one of paper-2024, paper-2025; received "paper-2030"/],
    ['two channel flags', () => ['leak', 'weight', '--mu', '1', '--loss', '0.1', '--transmittance', '0.9'], /give the channel once, as one of transmittance, loss, loss-db \(flag or column\); received transmittance = 0.9, loss = 0.1/],
    ['ε and gain', () => ['leak', 'weight', '--mu', '1', '--gain', '2', '--excess-noise', '0.1'], /give the excess noise once, as one of excess-noise, input-excess-noise, gain \(flag or column\); received excess-noise = 0.1, gain = 2/],
    ['unknown option', () => ['leak', 'weight', '--photons', '3'], /unknown option '--photons'/],
    ['missing CSV', () => ['leak', 'weight', '--input', join(dir, 'nope.csv')], /cannot read input CSV .*nope\.csv.*no such file/],
    ['CSV unknown column', () => ['leak', 'weight', '--input', badCsv('c1.csv', 'mu,photons\n1,2\n')], /unknown column "photons"; allowed columns are mu, /],
    ['CSV bad cell', () => ['leak', 'weight', '--input', badCsv('c2.csv', 'mu,loss\n1,0.1\n2,abc\n')], /line 3, column loss must be a decimal number in \[0, 1\); received "abc"/],
    ['CSV empty cell', () => ['leak', 'weight', '--input', badCsv('c3.csv', 'mu,loss\n1,\n')], /line 2, column loss must be a decimal number in \[0, 1\); received ""/],
    ['CSV short row', () => ['leak', 'weight', '--input', badCsv('c4.csv', 'mu,loss\n1\n')], /line 2: 1 cells, expected 2/],
    ['CSV out-of-range value', () => ['leak', 'weight', '--input', badCsv('c5.csv', 'mu,transmittance\n1,0.5\n1,2\n')], /line 3, column transmittance must be a number in \[2\^−53 ≈ 1\.1e-16, 1\]; received 2/],
    ['CSV empty file', () => ['leak', 'data', '--input', badCsv('c6.csv', '')], /is empty: expected a header line/],
    ['hexadecimal flag', () => ['leak', 'weight', '--mu', '0x10'], /--mu must be a decimal number in \[0, 1e12\]; received "0x10"/],
    ['hexadecimal cell', () => ['leak', 'weight', '--input', badCsv('c13.csv', 'mu\n0x10\n')], /line 2, column mu must be a decimal number in \[0, 1e12\]; received "0x10"/],
    ['underflowing flag', () => ['leak', 'weight', '--mu', '1e-400'], /--mu = "1e-400": its magnitude is below the smallest double \(4.9e-324\), so it would be read as 0; give a number in \[0, 1e12\]/],
    ['underflowing cell', () => ['leak', 'weight', '--input', badCsv('c16.csv', 'mu\n1\n2e-999\n')], /line 3, column mu = "2e-999": its magnitude is below the smallest double/],
    ['overflowing flag', () => ['leak', 'data', '--gain', '1e400'], /--gain must be a finite decimal number in \[1, ∞\); received "1e400"/],
    ['train: zero epochs', () => ['train', '--epochs', '0', '--out', join(dir, 'w')], /--epochs must be an integer in \[1, 1000\]; received 0/],
    ['train: fractional seed', () => ['train', '--seed', '1.5', '--out', join(dir, 'w')], /--seed must be an integer in \[−2\^31, 2\^31\); received 1.5/],
    ['flag given twice', () => ['leak', 'weight', '--mu', '4', '--mu', '5'], /--mu is given twice \("4" and "5"\); give it once/],
    ['old Mac line ends', () => ['leak', 'weight', '--input', badCsv('c14.csv', 'mu\r4\r')], /carriage returns but no line feeds/],
    ['empty line between rows', () => ['leak', 'weight', '--input', badCsv('c15.csv', 'mu\n1\n\n2\n')], /line 3, column mu must be a decimal number in \[0, 1e12\]; received ""/],
    ['N below 2 with the default x', () => ['leak', 'data', '--gain', '2', '--inputs', '1'], /normalised data value x \(default 1\/√n, so n ≥ 1\) must be a number in \[-1, 1\]; received 1.414/],
    ['non-integer N', () => ['leak', 'weight', '--mu', '1', '--gain', '2', '--inputs', '784.5'], /--inputs must be an integer in \[1, 1e9\]; received 784.5/],
    ['CSV blank cell', () => ['leak', 'weight', '--input', badCsv('c9.csv', 'mu,loss\n1, \n')], /line 2, column loss must be a decimal number in \[0, 1\); received " "/],
    ['CSV extra cell', () => ['leak', 'weight', '--input', badCsv('c10.csv', 'mu,loss\n1,0.1,7\n')], /line 2: more than 2 cells/],
    ['CSV NaN cell', () => ['leak', 'weight', '--input', badCsv('c11.csv', 'mu\n1\nNaN\n')], /line 3, column mu must be a number in \[0, 1e12\]; received NaN/],
    ['CSV directory', () => ['leak', 'weight', '--input', dir], /cannot read input CSV .*: is a folder/],
    ['output into a missing directory', () => ['leak', 'weight', '--input', badCsv('c12.csv', 'mu\n1\n'), '--output', join(dir, 'no', 'such', 'x.csv')], /cannot write --output .*x\.csv.*: folder .*such.*: no such file or folder/],
    ['--output without --input', () => ['leak', 'weight', '--mu', '1', '--output', join(dir, 'x.csv')], /--output does not apply without --input FILE.csv \(batch mode\)/],
    ['--rows with a Cramér–Rao model', () => ['leak', 'data', '--gain', '2', '--model', 'corrected', '--rows', '10'], /rows applies to the paper-2025, qfi, counting, holevo-subadditive and holevo-symmetric models only; model is corrected/],
    ['--model and --preset', () => ['leak', 'data', '--gain', '2', '--model', 'corrected', '--preset', 'paper-2024'], /give --model or --preset, not both/],
    ['column and flag', () => ['leak', 'weight', '--mu', '1', '--input', badCsv('c7.csv', 'mu\n1\n')], /mu is given both as a column .* and as the flag --mu/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = qsdl(...args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qsdl: error: /);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(message);
  });

  it('a failed batch writes no output file', () => {
    const output = join(dir, 'never.csv');
    const r = qsdl('leak', 'weight', '--input', badCsv('c8.csv', 'mu\n1\n-2\n'), '--output', output);
    expect(r.code).toBe(2);
    expect(existsSync(output)).toBe(false);
  });

  it('no command: help on stderr, exit 2', () => {
    const r = qsdl();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: qsdl/);
  });
});

describe('output to a closed pipe', () => {
  it('a reader that stops early (| head -1) gets no stack trace from qsdl', () => {
    const input = join(dir, 'many.csv');
    writeFileSync(input, `mu\n${Array.from({ length: 200000 }, (_, i) => (i % 100) / 10).join('\n')}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" leak weight --input "${input}" --excess-noise 0.01 | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('mu,bits\n');
    expect(r.stderr).toBe('');
  });
});
