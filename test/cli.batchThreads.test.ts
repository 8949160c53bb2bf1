// A bound table shared between worker threads (--threads, src/cli/_internal/parallelBatch.ts):
// the same bytes and the same errors as one thread, whoever processes which block.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvBlock } from '../src/cli/_internal/csvBlocks.js';
import { inBlockOrder, type BlockReply, type BlockResult, type BlockWorkers } from '../src/cli/_internal/parallelBatch.js';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));

/** A pool of `size` fake workers: each answers after `delay(id)` ms, `ok: false` for the blocks in `failing`. */
function fakeWorkers(size: number, failing: ReadonlySet<number>, delay: (k: number) => number): { workers: BlockWorkers; sent: number[] } {
  const busy = new Array<number>(size).fill(0);
  const sent: number[] = [];
  const workers = {
    size,
    free: () => {
      const k = busy.findIndex((b) => b < 2);
      return k < 0 ? undefined : { k };
    },
    send: (slot: { k: number }, block: CsvBlock): Promise<BlockReply> => {
      const id = Number(block.bytes.toString().slice(1));
      sent.push(id);
      busy[slot.k] = (busy[slot.k] as number) + 1;
      return new Promise((resolve) => {
        setTimeout(() => {
          busy[slot.k] = (busy[slot.k] as number) - 1;
          if (failing.has(id)) resolve({ id, ok: false });
          else {
            const out = Buffer.from(`r${id};`);
            const copy = new Uint8Array(out.length);
            copy.set(out);
            resolve({ id, ok: true, rowCount: 1, bytes: copy.buffer, length: copy.length });
          }
        }, delay(id));
      });
    },
  };
  return { workers: workers as unknown as BlockWorkers, sent };
}

/** Blocks b0 … b(n−1), each 64 KiB or more (so that workers may take them) or small (kept in this thread). */
async function* blocksOf(n: number, small: ReadonlySet<number>): AsyncGenerator<CsvBlock> {
  for (let i = 0; i < n; i += 1) {
    const text = `b${i}`;
    const bytes = small.has(i) ? Buffer.from(text) : Buffer.concat([Buffer.from(text), Buffer.alloc(0)]);
    // Large blocks: the id is followed by padding that the fake worker ignores (parsed with Number on the text after 'b').
    yield { bytes: small.has(i) ? bytes : Buffer.from(`${text}${' '.repeat(64 * 1024)}`), final: i === n - 1 };
  }
}

describe('blocks shared with workers, in order', () => {
  it('outputs every block in order, and from the first failure (here or on a worker) hands back the blocks from it on', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 31, maxLength: 31 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }),
      async (n, size, delays, failingList, smallList) => {
        const failing = new Set(failingList);
        const small = new Set(smallList);
        const { workers } = fakeWorkers(size, failing, (id) => delays[id] as number);
        const local = (block: CsvBlock): BlockResult | undefined => {
          const id = Number(block.bytes.toString().slice(1));
          return failing.has(id) ? undefined : { bytes: Buffer.from(`r${id};`), rowCount: 1 };
        };
        const iterator = blocksOf(n, small);
        const ordered = inBlockOrder(iterator, local, workers);
        const out: string[] = [];
        let rest: CsvBlock[] | undefined;
        for (;;) {
          const r = await ordered.next();
          if (r.done === true) {
            rest = r.value;
            break;
          }
          out.push(r.value.result.bytes.toString());
        }
        const firstFailure = Array.from({ length: n }, (_, i) => i).find((i) => failing.has(i));
        const expectedOut = Array.from({ length: firstFailure ?? n }, (_, i) => `r${i};`);
        expect(out).toEqual(expectedOut);
        if (firstFailure === undefined) {
          expect(rest).toBeUndefined();
          return;
        }
        // The blocks handed back, then what the iterator still holds: exactly the blocks from the failure on.
        const after: number[] = (rest ?? []).map((b) => Number(b.bytes.toString().slice(1)));
        for (;;) {
          const r = await iterator.next();
          if (r.done === true) break;
          after.push(Number(r.value.bytes.toString().slice(1)));
        }
        expect(after).toEqual(Array.from({ length: n - firstFailure }, (_, i) => firstFailure + i));
      },
    ), { numRuns: 150 });
  });
  it('gives large blocks to workers that have room and keeps the rest in this thread', async () => {
    const { workers, sent } = fakeWorkers(1, new Set(), () => 1);
    let locals = 0;
    const ordered = inBlockOrder(blocksOf(12, new Set([3])), () => {
      locals += 1;
      return { bytes: Buffer.from('x'), rowCount: 1 };
    }, workers);
    let count = 0;
    for (;;) {
      const r = await ordered.next();
      if (r.done === true) break;
      count += 1;
    }
    expect(count).toBe(12);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).not.toContain(3); // a small block is never sent
    expect(locals + sent.length).toBe(12);
  });
});

describe('qsdl leak weight --threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qsdl-threads-'));
  const rows = 40_000; // about 1.7 MB: seven chunks of 256 KiB
  const lines = ['mu,loss,excess-noise'];
  for (let i = 0; i < rows; i += 1) lines.push(`${(i + 1) / 7},${1 / (i + 3)},${(1e-9 * (i + 1)) / 3}`);
  writeFileSync(join(dir, 'ok.csv'), `${lines.join('\n')}\n`);
  const qsdl = (...args: string[]) => spawnSync(process.execPath, [BIN, 'leak', 'weight', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('writes the same bytes on 1, 2 and 3 threads, rows echoed or not', () => {
    for (const echo of [[], ['--no-echo']]) {
      const one = qsdl('--input', 'ok.csv', '--output', 'one.csv', '--threads', '1', ...echo);
      expect(one.status, one.stderr).toBe(0);
      const expected = readFileSync(join(dir, 'one.csv'));
      expect(expected.toString().split('\n').length).toBe(rows + 2);
      for (const threads of ['2', '3']) {
        const r = qsdl('--input', 'ok.csv', '--output', `t${threads}.csv`, '--threads', threads, ...echo);
        expect(r.status, r.stderr).toBe(0);
        expect(readFileSync(join(dir, `t${threads}.csv`)).equals(expected), `${threads} threads ${echo.join(' ')}`).toBe(true);
      }
      // Standard output too (no ring of output buffers there).
      const out = qsdl('--input', 'ok.csv', '--threads', '2', ...echo);
      expect(out.status).toBe(0);
      expect(Buffer.from(out.stdout).equals(expected)).toBe(true);
    }
  });
  it('names the first bad cell of the file whichever thread read it, and writes nothing', () => {
    const bad = [...lines];
    bad[30_001] = '4,1.5,0'; // line 30 002, in a late block
    bad[35_000] = 'abc,0.1,0'; // a later error is not the one named
    writeFileSync(join(dir, 'bad.csv'), `${bad.join('\n')}\n`);
    for (const threads of ['1', '2', '3']) {
      const r = qsdl('--input', 'bad.csv', '--output', `bad-${threads}.csv`, '--threads', threads);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('qsdl: error: input CSV "bad.csv", line 30002, column loss must be a number in [0, 1); received 1.5\n');
      expect(() => readFileSync(join(dir, `bad-${threads}.csv`))).toThrow();
    }
  });
  it('refuses a thread count outside 1 … 8, --threads without --input, and with --json', () => {
    for (const v of ['0', '9', '1.5', 'abc']) {
      const r = qsdl('--input', 'ok.csv', '--threads', v);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^qsdl: error: --threads must be an integer in \{1, 2, …, 8\}; received /);
    }
    const noInput = qsdl('--mu', '4', '--threads', '2');
    expect(noInput.status).toBe(2);
    expect(noInput.stderr).toBe('qsdl: error: --threads does not apply without --input FILE.csv (batch mode)\n');
    const json = qsdl('--input', 'ok.csv', '--json', '--threads', '2');
    expect(json.status).toBe(2);
    expect(json.stderr).toBe('qsdl: error: --threads does not apply with --json (JSON output is written by one thread)\n');
  });
});
