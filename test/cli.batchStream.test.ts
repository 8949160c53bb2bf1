// Batch input is read, evaluated and written in blocks (src/cli/_internal/batch.ts): the
// output must not depend on where the chunks of the input happen to end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchOutput } from '../src/cli/_internal/batch.js';
import { readCsvBlocks } from '../src/cli/_internal/csvBlocks.js';
import { UsageError } from '../src/cli/_internal/errors.js';
import { evaluateWeight, WEIGHT_OPTIONS, weightColumnsEvaluator } from '../src/cli/evaluators/weightEvaluator.js';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));

/** `bytes` as chunks of `size` bytes (the last shorter), as a stream would deliver them. */
async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let o = 0; o < bytes.length; o += size) yield bytes.subarray(o, Math.min(o + size, bytes.length));
}

/**
 * `bytes` in chunks of `size`, delivered as the reader of a regular file does (src/cli/_internal/inputFile.ts)
 * at its worst: three buffers in turn, and the read ahead landing as soon as a chunk is handed out, so that
 * the buffer of the chunk two before is overwritten at once (first with garbage, to show any stale read),
 * and HEADROOM free bytes before each chunk, where a carried line may be put (InputStream.headroom).
 */
async function* reusing(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  const ring = [Buffer.alloc(HEADROOM + size), Buffer.alloc(HEADROOM + size), Buffer.alloc(HEADROOM + size)];
  const fill = (k: number): number => {
    const b = ring[k % 3] as Buffer;
    b.fill(0x37); // '7': a digit, so a stale read gives a wrong number rather than an error
    return k * size >= bytes.length ? 0 : bytes.copy(b, HEADROOM, k * size, Math.min((k + 1) * size, bytes.length));
  };
  let n = fill(0);
  for (let k = 0; n > 0; k += 1) {
    const next = fill(k + 1);
    yield (ring[k % 3] as Buffer).subarray(HEADROOM, HEADROOM + n);
    n = next;
  }
}
/** Free bytes before each chunk of `reusing`: room for the short carried lines, not for the long ones. */
const HEADROOM = 30;

/** The whole output of `leak weight --input` for `bytes` read in chunks of `size`, or the error it ends with. */
async function run(bytes: Buffer, size: number, options: { json?: boolean; echo?: boolean; columns?: boolean; reuse?: boolean } = {}): Promise<string> {
  try {
    const { file, blocks } = await readCsvBlocks((options.reuse === true ? reusing : chunked)(bytes, size), 'input CSV "t.csv"', WEIGHT_OPTIONS, options.reuse === true ? HEADROOM : 0);
    const parts: Buffer[] = [];
    const evaluate = (v: Record<string, number | undefined>) => evaluateWeight(v, 'holevo', undefined).bits;
    const req = { flags: {}, evaluate, json: options.json === true, echo: options.echo !== false, ...(options.columns === false ? {} : { columnsEvaluator: (h: readonly string[]) => weightColumnsEvaluator(h, {}, 'holevo', undefined) }) };
    for await (const p of batchOutput(file, blocks, req)) parts.push(typeof p === 'string' ? Buffer.from(p) : p);
    return Buffer.concat(parts).toString('latin1');
  } catch (e) {
    if (e instanceof UsageError) return `error: ${e.message}`;
    throw e;
  }
}

/** A table of `n` rows of three columns, 16–17-digit numbers as the bench writes them. */
function table(n: number, lineEnd = '\n', last = lineEnd): Buffer {
  const rows: string[] = [];
  for (let i = 0; i < n; i += 1) rows.push(`${(i + 1) / 7},${1 / (i + 3)},${1e-9 * (i + 1) / 3}`);
  return Buffer.from(`mu,loss,excess-noise${lineEnd}${rows.join(lineEnd)}${last}`);
}

describe('batch input in blocks', () => {
  it('gives the same bytes whatever the chunk size: LF, CRLF, no final line end, empty lines at the end', async () => {
    for (const bytes of [table(50), table(50, '\r\n'), table(50, '\n', ''), table(50, '\r\n', ''), table(50, '\n', '\n\n\r\n\n')]) {
      const whole = await run(bytes, bytes.length + 1);
      expect(whole.startsWith('mu,loss,excess-noise,bits\n')).toBe(true);
      expect(whole.split('\n').length).toBe(52);
      for (const size of [1, 2, 3, 7, 64, 100, 333]) expect(await run(bytes, size), `chunks of ${size}`).toBe(whole);
      for (const options of [{ echo: false }, { json: true }, { columns: false }]) {
        const wholeOther = await run(bytes, bytes.length + 1, options);
        for (const size of [1, 13, 100]) expect(await run(bytes, size, options)).toBe(wholeOther);
      }
    }
  });
  it('gives the same bytes when the reader reuses its memory as a file reader does (three buffers, one read ahead)', async () => {
    for (const bytes of [table(50), table(50, '\r\n'), table(50, '\n', ''), table(50, '\n', '\n\n\r\n\n')]) {
      const whole = await run(bytes, bytes.length + 1);
      for (const size of [1, 2, 3, 7, 40, 64, 100, 333]) {
        for (const options of [{}, { echo: false }, { json: true }, { columns: false }]) {
          expect(await run(bytes, size, { ...options, reuse: true }), `chunks of ${size}, ${JSON.stringify(options)}`).toBe(await run(bytes, bytes.length + 1, options));
        }
        expect(await run(bytes, size, { reuse: true })).toBe(whole);
      }
    }
  });
  it('reads a number split across two chunks as the number (every split point of one row)', async () => {
    const bytes = Buffer.from('mu,loss\n0.20446407954367152,0.000011459755092853576\n3,0.5\n');
    const whole = await run(bytes, bytes.length);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const two = async function* () {
        yield bytes.subarray(0, cut);
        yield bytes.subarray(cut);
      };
      const { file, blocks } = await readCsvBlocks(two(), 'input CSV "t.csv"', WEIGHT_OPTIONS);
      const parts: string[] = [];
      for await (const p of batchOutput(file, blocks, { flags: {}, evaluate: (v) => evaluateWeight(v, 'holevo', undefined).bits, json: false, echo: true })) parts.push(p.toString());
      expect(parts.join(''), `cut at ${cut}`).toBe(whole);
    }
  });
  it('any text, cut into any chunks, gives the output or error of the text read whole', async () => {
    const cell = fc.oneof(fc.double({ noNaN: true }).map(String), fc.constantFrom('', ' 1', '1e-400', 'NaN', '-2', '0x10', 'abc', '1.5'));
    const line = fc.array(cell, { minLength: 1, maxLength: 3 }).map((cells) => cells.join(','));
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '\n', '\n\n', '\r'), fc.integer({ min: 1, max: 40 }), async (lines, end, tail, size) => {
      const bytes = Buffer.from(`mu,loss${end}${lines.join(end)}${tail}`);
      const whole = await run(bytes, bytes.length + 1);
      expect(await run(bytes, size)).toBe(whole);
      expect(await run(bytes, size, { reuse: true })).toBe(whole);
    }), { numRuns: 500 });
  });
  it('names the first bad row of a file of several chunks, with its line, column, range and value (exit 2, one line)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsdl-stream-'));
    const rows = 60_000; // about 2.5 MB: the bad rows lie in the eighth chunk of 256 KiB
    const lines = ['mu,loss'];
    for (let i = 0; i < rows; i += 1) lines.push(`${(i + 1) / 7},${1 / (i + 3)}`);
    lines[50_001] = '4,1.5'; // line 50 002
    lines[50_002] = 'abc,0.1'; // a later error is not the one named
    writeFileSync(join(dir, 'bad.csv'), `${lines.join('\n')}\n`);
    const r = spawnSync(process.execPath, [BIN, 'leak', 'weight', '--input', 'bad.csv', '--output', 'out.csv'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('qsdl: error: input CSV "bad.csv", line 50002, column loss must be a number in [0, 1); received 1.5\n');
    expect(() => readFileSync(join(dir, 'out.csv'))).toThrow();
  });
});
