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

/** Valid cells for each column (inside its domain), and cells that are not. */
const GOOD: Readonly<Record<string, readonly string[]>> = {
  mu: ['0', '1', '4', '0.5', '1e-9', '1e6', '10.25'],
  'loss-db': ['0', '3', '1e-9', '150'],
  'excess-noise': ['0', '0.01', '1e-12', '1e6'],
  gain: ['1', '1.2', '2', '3.414', '1e6'],
  inputs: ['2', '784', '100', '1e9'],
};
const BAD_CELL = fc.oneof(fc.constantFrom('', ' ', 'NaN', '-1', '1e309', '1e-400', '0x10', 'abc', '"1"', '1e', 'Infinity', '1.5.2'), fc.string({ maxLength: 6 }), fc.integer({ min: 65, max: 200 }).map((n) => '1'.repeat(n)));

/** A valid table for one command: a header of its columns (the required one first), rows of cells inside their domains. */
function table(columns: readonly string[], required: string) {
  return fc.tuple(fc.subarray(columns.filter((c) => c !== required)), fc.integer({ min: 0, max: 8 })).chain(([others, rows]) => {
    const header = [required, ...others];
    return fc.tuple(fc.constant(header), fc.array(fc.tuple(...header.map((h) => fc.constantFrom(...(GOOD[h] as string[])))), { minLength: rows, maxLength: rows }));
  });
}

/** One kind of damage a table may carry (or none). */
const damage = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cell' as const), row: fc.nat(), col: fc.nat(), value: BAD_CELL }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('semicolons' as const, 'tabs' as const, 'bare-cr' as const, 'crlf' as const, 'bom' as const, 'no-final-eol' as const, 'empty-line' as const, 'extra-cell' as const, 'missing-cell' as const, 'unknown-column' as const, 'duplicate-column' as const, 'blank-lines-at-end' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 200 }) }) },
);
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

/** The table as bytes, with its damage. */
function render(header: string[], rows: string[][], d: Damage): Buffer {
  if (d.kind === 'bytes') return Buffer.from(d.bytes);
  const h = [...header];
  const r = rows.map((x) => [...x]);
  if (d.kind === 'cell' && r.length > 0) (r[d.row % r.length] as string[])[d.col % h.length] = d.value;
  if (d.kind === 'extra-cell' && r.length > 0) r[0]?.push('1');
  if (d.kind === 'missing-cell' && r.length > 0) r[0]?.pop();
  if (d.kind === 'unknown-column') h.push('photons');
  if (d.kind === 'duplicate-column') h.push(h[0] as string);
  const sep = d.kind === 'semicolons' ? ';' : d.kind === 'tabs' ? '\t' : ',';
  const eol = d.kind === 'bare-cr' ? '\r' : d.kind === 'crlf' ? '\r\n' : '\n';
  const lines = [h.join(sep), ...r.map((x) => x.join(sep))];
  if (d.kind === 'empty-line' && lines.length > 2) lines.splice(2, 0, '');
  const text = `${d.kind === 'bom' ? '\ufeff' : ''}${lines.join(eol)}${d.kind === 'no-final-eol' ? '' : eol}${d.kind === 'blank-lines-at-end' ? '\n\r\n\n' : ''}`;
  return Buffer.from(text, 'utf8');
}

const batchCase = fc.constantFrom('weight', 'data').chain((which) => fc.record({
  command: fc.constant(['leak', which]),
  table: which === 'weight' ? table(['mu', 'loss-db', 'excess-noise'], 'mu') : table(['gain', 'inputs'], 'gain'),
  damage,
  via: fc.constantFrom('file', 'file', 'stdin'),
  output: fc.constantFrom('file', 'stdout'),
  // flags: output shape, and a constant that may clash with a column (then an error naming both)
  extra: fc.constantFrom<string[]>([], [], ['--json'], ['--no-echo'], ['--json', '--no-echo'], which === 'weight' ? ['--excess-noise', '0.01'] : ['--inputs', '10'], which === 'weight' ? ['--gain', '2'] : ['--model', 'counting']),
}));

/** Data rows of a CSV as qsdl counts them: lines after the header, trailing empty lines dropped. */
function dataRows(bytes: Buffer): number {
  const text = bytes.toString('latin1').replace(/[\r\n]+$/, '');
  return text === '' ? 0 : text.split('\n').length - 1;
}

describe(`fuzz: file contents (seed ${SEED})`, () => {
  it(`batch CSVs: no content makes qsdl crash, hang, change its input or write a partial output (${RUNS} runs)`, async () => {
    const outcomes = new Map<number | string, number>();
    await fc.assert(
      fc.asyncProperty(batchCase, async (c) => {
        const dir = makeSandbox('qsdl-fuzz-csv-');
        try {
          const bytes = render(c.table[0], c.table[1], c.damage);
          writeFileSync(join(dir, 'in.csv'), bytes);
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
    expect(outcomes.get(0) ?? 0).toBeGreaterThan(RUNS / 10); // the success path (outputs written whole) is exercised too
  }, 30 * 60_000);

  /** A stored network: valid, or with one kind of damage (to the weights, one provenance field, or the JSON text). */
  const network = fc.record({
    hidden: fc.integer({ min: 1, max: 6 }),
    randomBytes: fc.uint8Array({ maxLength: 64 }),
    damage: fc.oneof(
      { weight: 4, arbitrary: fc.constant({ field: 'none', value: null as unknown }) },
      { weight: 1, arbitrary: fc.record({ field: fc.constant('weights'), value: fc.constantFrom<unknown>('nan', 'short', 'long', 'random') }) },
      { weight: 1, arbitrary: fc.record({ field: fc.constant('shapes'), value: fc.oneof(fc.constantFrom<unknown>([[4, 784]], [[784, 784], [10, 784]], [[4, 784], [10, 5]], [[0, 784]], [[1e9, 784], [10, 1e9]], [[2.5, 784]], [], 'x', null, [[4, 784, 1]], [[10, 784]], [[4, 10], [10, 4]]), fc.jsonValue({ maxDepth: 2 })) }) },
      { weight: 1, arbitrary: fc.record({ field: fc.constant('sha256'), value: fc.constantFrom<unknown>('wrong', 'missing', 'upper', 42) }) },
      { weight: 1, arbitrary: fc.record({ field: fc.constant('command'), value: fc.constantFrom<unknown>('missing', 7, null) }) },
      { weight: 1, arbitrary: fc.record({ field: fc.constant('cleanTestAccuracyPercent'), value: fc.constantFrom<unknown>(-1, 101, 'x', 'missing', Number.NaN) }) },
      { weight: 1, arbitrary: fc.record({ field: fc.constant('text'), value: fc.constantFrom<unknown>('broken', 'empty', 'huge', 'array') }) },
    ),
  });

  it(`stored networks (--network): no damage makes qsdl crash, hang or print a stack (${Math.ceil(RUNS / 2)} runs)`, async () => {
    const outcomes = new Map<number | string, number>();
    await fc.assert(
      fc.asyncProperty(network, async (n) => {
        const dir = makeSandbox('qsdl-fuzz-net-');
        try {
          const count = n.hidden * 784 + 10 * n.hidden;
          const { field, value } = n.damage;
          let bytes = Buffer.alloc(4 * count);
          for (let i = 0; i < count; i += 1) bytes.writeFloatLE(((i * 7919) % 1000) / 1000 - 0.5, 4 * i);
          if (field === 'weights' && value === 'nan') bytes.writeFloatLE(Number.NaN, 4 * (count >> 1));
          if (field === 'weights' && value === 'short') bytes = bytes.subarray(0, bytes.length - 4);
          if (field === 'weights' && value === 'long') bytes = Buffer.concat([bytes, Buffer.alloc(4)]);
          if (field === 'weights' && value === 'random') bytes = Buffer.from(n.randomBytes);
          const sha = createHash('sha256').update(bytes).digest('hex');
          const provenance: Record<string, unknown> = { shapes: [[n.hidden, 784], [10, n.hidden]], sha256: sha, command: 'fuzz', cleanTestAccuracyPercent: 97.5 };
          if (field === 'sha256') provenance.sha256 = value === 'wrong' ? 'ab'.repeat(32) : value === 'upper' ? sha.toUpperCase() : value;
          if (['shapes', 'command', 'cleanTestAccuracyPercent'].includes(field)) provenance[field] = value;
          for (const [k, v] of Object.entries(provenance)) if (v === 'missing' || (field === 'sha256' && value === 'missing' && k === 'sha256')) delete provenance[k];
          const json = JSON.stringify(provenance);
          const text = field !== 'text' ? json : value === 'broken' ? json.slice(0, -3) : value === 'empty' ? '' : value === 'array' ? `[${json}]` : JSON.stringify({ ...provenance, pad: 'x'.repeat(2 << 20) });
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
          if (v.length > 0) throw new Error(`network damage ${JSON.stringify(n.damage).slice(0, 400)}: ${v.join('; ')}\nstderr: ${run.stderr.slice(0, 300)}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
    process.stdout.write(`fuzz networks: exit codes ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
    expect(outcomes.get(0) ?? 0).toBeGreaterThan(RUNS / 10); // valid networks do run
  }, 30 * 60_000);
});
