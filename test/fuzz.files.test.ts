// Fuzz over file contents: batch CSVs (random bytes, and tables with every kind of damage)
// and stored networks (weights and provenance, damaged one field at a time or at random).
// The same invariants as the argument fuzz (test/_helpers/sandbox.ts) hold, the input is
// never changed, and a batch that succeeds writes one line per input row. Seeded like
// fuzz.args (QSDL_FUZZ_SEED, QSDL_FUZZ_RUNS).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQsdl, snapshot, violations } from './_helpers/sandbox.js';
import { makeSandbox } from './_helpers/sandboxFiles.js';

const SEED = Number(process.env.QSDL_FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.QSDL_FUZZ_RUNS ?? 220);
const CASE_TIMEOUT_MS = 60_000;

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('0', '1', '4', '0.5', '1e-9', '2', '784', '0.01', '1.2') },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'NaN', '-1', '1e309', '1e-400', '0x10', 'abc', '1,5', '"1"', '\t2', '1e', 'Infinity') },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 200 }).map((n) => '1'.repeat(n)) },
);
const column = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('mu', 'loss-db', 'excess-noise', 'gain', 'inputs', 'transmittance', 'loss', 'rows', 'x') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

/** A table with damage: odd columns, cells, separators, line ends, byte-order marks, ragged rows. */
const csvText = fc.record({
  bom: fc.boolean(),
  header: fc.array(column, { minLength: 0, maxLength: 4 }),
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 8 }),
  sep: fc.constantFrom(',', ',', ',', ';', '\t'),
  eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  final: fc.boolean(),
}).map((t) => `${t.bom ? '\ufeff' : ''}${[t.header.join(t.sep), ...t.rows.map((r) => r.join(t.sep))].join(t.eol)}${t.final ? t.eol : ''}`);
const csvBytes = fc.oneof({ weight: 3, arbitrary: csvText.map((s) => Buffer.from(s, 'utf8')) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)) });

const batchCommand = fc.record({
  command: fc.constantFrom(['leak', 'weight'], ['leak', 'data']),
  via: fc.constantFrom('file', 'file', 'stdin'),
  output: fc.constantFrom('file', 'stdout'),
  extra: fc.subarray(['--json', '--no-echo', '--gain', '2', '--excess-noise', '0.01'].map((a) => a)),
});

/** Data rows of a CSV as qsdl counts them: lines after the header, trailing empty lines dropped. */
function dataRows(bytes: Buffer): number {
  const text = bytes.toString('latin1').replace(/[\r\n]+$/, '');
  return text === '' ? 0 : text.split('\n').length - 1;
}

describe(`fuzz: file contents (seed ${SEED})`, () => {
  it(`batch CSVs: no content makes qsdl crash, hang, change its input or write a partial output (${RUNS} runs)`, async () => {
    const outcomes = new Map<number | string, number>();
    await fc.assert(
      fc.asyncProperty(csvBytes, batchCommand, async (bytes, c) => {
        const dir = makeSandbox('qsdl-fuzz-csv-');
        try {
          writeFileSync(join(dir, 'in.csv'), bytes);
          // Flags in a valid order: pairs stay pairs (the subarray may split --gain from its value: then the value is a stray argument).
          const args = [...c.command, '--input', c.via === 'stdin' ? '-' : 'in.csv', ...(c.output === 'file' ? ['--output', 'out.csv'] : []), ...c.extra];
          const before = snapshot(dir);
          const run = await runQsdl(args, dir, { timeoutMs: CASE_TIMEOUT_MS, stdin: c.via === 'stdin' ? bytes : '' });
          const after = snapshot(dir);
          const v = violations(run, before, after, ['out.csv'], dir);
          outcomes.set(run.code ?? String(run.signal), (outcomes.get(run.code ?? String(run.signal)) ?? 0) + 1);
          if (run.code === 0 && !args.includes('--json')) {
            const text = c.output === 'file' ? readFileSync(join(dir, 'out.csv'), 'latin1') : run.stdout;
            const lines = text.split('\n').length - 1;
            if (lines !== dataRows(bytes) + 1) v.push(`output has ${lines} lines for ${dataRows(bytes)} rows`);
          }
          if (v.length > 0) throw new Error(`qsdl ${args.join(' ')} on ${JSON.stringify(bytes.toString('latin1').slice(0, 200))}: ${v.join('; ')}\nstderr: ${run.stderr.slice(0, 300)}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    process.stdout.write(`fuzz csv: exit codes ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
    expect([...outcomes.keys()].every((k) => [0, 2].includes(k as number))).toBe(true);
  }, 30 * 60_000);

  /** A stored network: weights and provenance, each intact, damaged, or random. */
  const network = fc.record({
    hidden: fc.integer({ min: 1, max: 6 }),
    weights: fc.constantFrom('valid', 'valid', 'nan', 'short', 'long', 'random'),
    randomBytes: fc.uint8Array({ maxLength: 64 }),
    shapes: fc.oneof(
      { weight: 4, arbitrary: fc.constant('valid') },
      { weight: 2, arbitrary: fc.constantFrom([[4, 784]], [[784, 784], [10, 784]], [[4, 784], [10, 5]], [[0, 784]], [[1e9, 784], [10, 1e9]], [[2.5, 784]], [], 'x', null, [[4, 784, 1]], [[10, 784]], [[4, 10], [10, 4]]) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    ),
    sha: fc.constantFrom('right', 'right', 'right', 'wrong', 'missing', 'upper', 'number'),
    command: fc.constantFrom('text', 'text', 'missing', 'number'),
    clean: fc.constantFrom(null, 97.5, -1, 101, 'x', 'missing'),
    text: fc.constantFrom('json', 'json', 'json', 'broken', 'empty', 'huge-string'),
  });

  it(`stored networks (--network): no damage makes qsdl crash, hang or print a stack (${Math.ceil(RUNS / 2)} runs)`, async () => {
    const outcomes = new Map<number | string, number>();
    await fc.assert(
      fc.asyncProperty(network, async (n) => {
        const dir = makeSandbox('qsdl-fuzz-net-');
        try {
          const count = n.hidden * 784 + 10 * n.hidden;
          let bytes = Buffer.alloc(4 * count);
          for (let i = 0; i < count; i += 1) bytes.writeFloatLE(((i * 7919) % 1000) / 1000 - 0.5, 4 * i);
          if (n.weights === 'nan') bytes.writeFloatLE(Number.NaN, 4 * (count >> 1));
          if (n.weights === 'short') bytes = bytes.subarray(0, bytes.length - 4);
          if (n.weights === 'long') bytes = Buffer.concat([bytes, Buffer.alloc(4)]);
          if (n.weights === 'random') bytes = Buffer.from(n.randomBytes);
          const sha = createHash('sha256').update(bytes).digest('hex');
          const provenance: Record<string, unknown> = {
            shapes: n.shapes === 'valid' ? [[n.hidden, 784], [10, n.hidden]] : n.shapes,
            ...(n.sha === 'missing' ? {} : { sha256: n.sha === 'right' ? sha : n.sha === 'upper' ? sha.toUpperCase() : n.sha === 'number' ? 42 : 'ab'.repeat(32) }),
            ...(n.command === 'missing' ? {} : { command: n.command === 'text' ? 'fuzz' : 7 }),
            ...(n.clean === 'missing' ? {} : { cleanTestAccuracyPercent: n.clean }),
          };
          const text = n.text === 'json' ? JSON.stringify(provenance) : n.text === 'broken' ? JSON.stringify(provenance).slice(0, -3) : n.text === 'empty' ? '' : JSON.stringify({ ...provenance, pad: 'x'.repeat(2 << 20) });
          writeFileSync(join(dir, 'fuzz.f32'), bytes);
          writeFileSync(join(dir, 'fuzz.json'), text);
          const args = ['accuracy', '--mu', '4', '--gain', '2', '--network', 'fuzz.json', '--json'];
          const before = snapshot(dir);
          const run = await runQsdl(args, dir, { timeoutMs: CASE_TIMEOUT_MS });
          const v = violations(run, before, snapshot(dir), [], dir);
          outcomes.set(run.code ?? String(run.signal), (outcomes.get(run.code ?? String(run.signal)) ?? 0) + 1);
          if (run.code === 0) {
            const out = JSON.parse(run.stdout) as { networkSha256: string; networkSource: string };
            if (out.networkSha256 !== sha || out.networkSource !== 'fuzz.json') v.push(`JSON records network ${out.networkSource} ${out.networkSha256}, not fuzz.json ${sha}`);
          }
          if (v.length > 0) throw new Error(`network ${JSON.stringify(n).slice(0, 400)}: ${v.join('; ')}\nstderr: ${run.stderr.slice(0, 300)}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
    process.stdout.write(`fuzz networks: exit codes ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
    expect(outcomes.get(0) ?? 0).toBeGreaterThan(0); // valid networks do run
  }, 30 * 60_000);
});
