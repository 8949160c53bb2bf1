/**
 * The prover's queue of open boxes: largest volume first, ties by path, with at most a
 * stated number of boxes in memory and the rest spilled to disk in sorted runs
 * (docs/claims.md#memory). The order is a total order on boxes (no two open boxes share a
 * path), so the boxes come out in the same order whatever the cap: a capped run writes the
 * certificate an uncapped run writes, byte for byte.
 *
 * Spill files leave nothing behind: each run's file is created in a fresh directory under
 * the spill directory, opened, and then the file and its directory are removed at once, so
 * only the open descriptor refers to it. The kernel frees it when the descriptor is closed
 * — by {@link OpenBoxQueue.close}, or by the process ending for any reason (an error,
 * SIGINT, SIGTERM, even SIGKILL). On a system that cannot remove an open file (Windows)
 * the file stays until {@link OpenBoxQueue.close}.
 * @internal
 */
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIMENSION_NAMES, type Box, type DimensionName, type Point, type Range } from '../dimensions.js';

/** An open box waiting to be split, with its volume (the priority) and its upper quantity's enclosure at the upper corner. */
export interface Pending {
  readonly path: string;
  readonly box: Box;
  readonly volume: number;
  readonly upperAt: Point;
  readonly upperEnclosure: readonly [number, number];
}

/** Whether `a` comes out before `b`: larger volume first, then the smaller path (paths are unique). */
function before(a: Pending, b: Pending): boolean {
  return a.volume > b.volume || (a.volume === b.volume && a.path < b.path);
}

/**
 * Runs of one size tier merged at once (size-tiered merging, as in log-structured stores):
 * a run's tier is ⌊log₄(boxes / half the cap)⌋, and four runs of one tier become one of the
 * next. A box is then rewritten at most once per tier, about log₄(open boxes / cap) times,
 * and at most 3 runs per tier are open — about 30 descriptors and read buffers for 10⁷ open
 * boxes at a cap of 16.
 */
const MERGE_FANIN = 4;

/** Bytes read from a run at a time, at most (64 KiB: about a hundred boxes; a run's buffer is no larger than the run). */
const READ_BYTES = 64 * 1024;

/** Boxes written to a run per write call (a batch of about 0.5 MB of text). */
const WRITE_BATCH = 1024;

/**
 * A number as text that reads back to the same double: String() gives the shortest
 * round-trip form, and −0, ±∞ and NaN are written so that Number() restores them.
 */
function numText(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** One open box as one line of text: path, volume, the box's ends, the upper corner and the enclosure, space-separated. */
function encode(p: Pending): string {
  const parts: string[] = [p.path === '' ? '-' : p.path, numText(p.volume)];
  for (const d of DIMENSION_NAMES) parts.push(numText(p.box[d][0]), numText(p.box[d][1]));
  for (const d of DIMENSION_NAMES) parts.push(numText(p.upperAt[d]));
  parts.push(numText(p.upperEnclosure[0]), numText(p.upperEnclosure[1]));
  return parts.join(' ');
}

function decode(line: string): Pending {
  const f = line.split(' ');
  const n = DIMENSION_NAMES.length;
  const box: Partial<Record<DimensionName, Range>> = {};
  const at: Partial<Record<DimensionName, number>> = {};
  DIMENSION_NAMES.forEach((d, i) => {
    box[d] = [Number(f[2 + 2 * i]), Number(f[3 + 2 * i])];
    at[d] = Number(f[2 + 2 * n + i]);
  });
  return { path: f[0] === '-' ? '' : f[0]!, volume: Number(f[1]), box: box as Box, upperAt: at as Point, upperEnclosure: [Number(f[2 + 3 * n]), Number(f[3 + 3 * n])] };
}

/** A file that only its descriptor refers to (see the module comment). */
function anonymousFile(dir: string): { fd: number; cleanup: () => void } {
  const folder = mkdtempSync(join(dir, 'qsdl-spill-'));
  const path = join(folder, 'run');
  const fd = openSync(path, 'wx+', 0o600);
  try {
    unlinkSync(path);
    rmdirSync(folder);
    return { fd, cleanup: () => closeSync(fd) };
  } catch {
    // Cannot remove an open file here: remove it when the run is closed.
    return {
      fd,
      cleanup: () => {
        closeSync(fd);
        unlinkSync(path);
        rmdirSync(folder);
      },
    };
  }
}

/** A sorted run of open boxes on disk, read back in the order written. */
class Run {
  private readonly file: { fd: number; cleanup: () => void };
  private writeAt = 0;
  private readAt = 0;
  /** Whole lines read but not yet decoded, from `next` on, and the incomplete line after them. */
  private lines: string[] = [];
  private next = 0;
  private partial = '';
  private buffer: Buffer | null = null;
  /** The next box of the run, or null when it is used up. */
  head: Pending | null = null;
  /** Boxes not yet taken, the head included. */
  remaining = 0;

  constructor(dir: string, sorted: Iterable<Pending>) {
    this.file = anonymousFile(dir);
    try {
      let lines: string[] = [];
      for (const p of sorted) {
        lines.push(encode(p));
        if (lines.length === WRITE_BATCH) lines = this.write(lines);
      }
      this.write(lines);
      this.advance();
    } catch (e) {
      this.file.cleanup();
      throw e;
    }
  }

  private write(lines: string[]): string[] {
    if (lines.length === 0) return lines;
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'latin1');
    let off = 0;
    while (off < bytes.length) off += writeSync(this.file.fd, bytes, off, bytes.length - off, this.writeAt + off);
    this.writeAt += bytes.length;
    this.remaining += lines.length;
    return [];
  }

  /** Take the head and read the next box into it. */
  take(): Pending {
    const h = this.head!;
    this.remaining -= 1;
    this.advance();
    return h;
  }

  private advance(): void {
    while (this.next === this.lines.length && this.readAt < this.writeAt) {
      this.buffer ??= Buffer.allocUnsafe(Math.min(READ_BYTES, this.writeAt));
      const got = readSync(this.file.fd, this.buffer, 0, Math.min(this.buffer.length, this.writeAt - this.readAt), this.readAt);
      if (got === 0) throw new Error(`spill run ended early at byte ${this.readAt} of ${this.writeAt}`);
      this.readAt += got;
      const parts = (this.partial + this.buffer.toString('latin1', 0, got)).split('\n');
      this.partial = parts.pop()!; // the text after the last newline: a line not yet complete
      this.lines = parts;
      this.next = 0;
    }
    this.head = this.next < this.lines.length ? decode(this.lines[this.next++]!) : null;
  }

  close(): void {
    this.file.cleanup();
  }
}

/** A binary heap in the order of {@link before}. */
class Heap {
  items: Pending[] = [];
  push(p: Pending): void {
    const a = this.items;
    a.push(p);
    let i = a.length - 1;
    while (i > 0) {
      const j = (i - 1) >> 1;
      if (!before(a[i]!, a[j]!)) break;
      [a[i], a[j]] = [a[j]!, a[i]!];
      i = j;
    }
  }
  top(): Pending | undefined {
    return this.items[0];
  }
  pop(): Pending {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** The open-box queue: a heap of at most `memoryBoxes` boxes in memory, sorted runs on disk. */
export class OpenBoxQueue {
  private heap = new Heap();
  private runs: Run[] = [];
  private spilled = 0;

  /**
   * @param memoryBoxes - most open boxes kept in the heap (an integer ≥ 2; Infinity: no cap)
   * @param spillDirectory - where spill files are created (default: the system's temporary directory)
   */
  constructor(private readonly memoryBoxes: number, private readonly spillDirectory: string = tmpdir()) {}

  /** Open boxes held, in memory and on disk. */
  get size(): number {
    let n = this.heap.items.length;
    for (const r of this.runs) n += r.remaining;
    return n;
  }

  /** Boxes written to disk so far (a box merged from runs into a new run counts again). */
  get spilledBoxes(): number {
    return this.spilled;
  }

  push(p: Pending): void {
    this.heap.push(p);
    if (this.heap.items.length > this.memoryBoxes) this.spill();
  }

  /** The first box in the order, from the heap or a run head. */
  pop(): Pending {
    let best: Pending | undefined = this.heap.top();
    let from: Run | null = null;
    for (const r of this.runs) {
      if (r.head !== null && (best === undefined || before(r.head, best))) {
        best = r.head;
        from = r;
      }
    }
    if (best === undefined) throw new RangeError('pop from an empty open-box queue');
    if (from === null) return this.heap.pop();
    const p = from.take();
    if (from.head === null) this.drop(from);
    return p;
  }

  /** Every box left, in no particular order; empties the queue and closes its files. */
  drain(): Pending[] {
    const out = this.heap.items;
    this.heap = new Heap();
    for (const r of this.runs) while (r.head !== null) out.push(r.take());
    this.close();
    return out;
  }

  /** Close and free every spill file (also after an error). */
  close(): void {
    const runs = this.runs;
    this.runs = [];
    for (const r of runs) r.close();
  }

  private drop(r: Run): void {
    this.runs = this.runs.filter((x) => x !== r);
    r.close();
  }

  /** Keep the first half of the heap's boxes in memory and write the rest to disk as one sorted run. */
  private spill(): void {
    const all = this.heap.items.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    const keep = Math.max(1, Math.floor(this.memoryBoxes / 2));
    this.heap = new Heap();
    this.heap.items = all.slice(0, keep); // a sorted array is a valid heap
    const rest = all.slice(keep);
    this.runs.push(new Run(this.spillDirectory, rest));
    this.spilled += rest.length;
    this.mergeRuns();
  }

  /** Merge runs of one tier while some tier holds {@link MERGE_FANIN} runs (the lowest tier first). */
  private mergeRuns(): void {
    const base = Math.max(1, Math.floor(this.memoryBoxes / 2));
    for (;;) {
      const tiers = new Map<number, Run[]>();
      for (const r of this.runs) {
        const t = Math.floor(Math.log(Math.max(1, r.remaining / base)) / Math.log(MERGE_FANIN));
        tiers.set(t, [...(tiers.get(t) ?? []), r]);
      }
      const full = [...tiers.entries()].filter(([, rs]) => rs.length >= MERGE_FANIN).sort((x, y) => x[0] - y[0])[0];
      if (full === undefined) return;
      this.mergeGroup(full[1]);
    }
  }

  /** Merge some runs into one (a streaming k-way merge: one head per run in memory). */
  private mergeGroup(runs: readonly Run[]): void {
    const merged = function* (): Generator<Pending> {
      for (;;) {
        let from: Run | null = null;
        for (const r of runs) if (r.head !== null && (from === null || before(r.head, from.head!))) from = r;
        if (from === null) return;
        yield from.take();
      }
    };
    const total = runs.reduce((n, r) => n + r.remaining, 0);
    const run = new Run(this.spillDirectory, merged());
    for (const r of runs) r.close();
    this.runs = [...this.runs.filter((r) => !runs.includes(r)), run];
    this.spilled += total;
  }
}
