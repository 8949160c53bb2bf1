import { UsageError } from './errors.js';
import { byteSize } from './inputFile.js';
import { bareCarriageReturns, csvHeader, CSV_LIMITS, headerTooLong, type CsvFile } from './numericCsv.js';
import type { NumericOption } from './numericOption.js';

const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;

/** Whole lines of a batch CSV, to parse with parseCsvBlock; the last block of a file is `final`. @internal */
export interface CsvBlock {
  readonly bytes: Buffer;
  readonly final: boolean;
}

/**
 * Read a batch CSV from its chunks: the header first (checked as csvHeader does, with
 * the file-wide rules: a file of bare carriage returns is refused, a header line is at
 * most 1024 bytes), then the rows in blocks of whole lines. Memory holds one chunk and
 * one line, whatever the size of the file. A block (like a chunk) is valid until the
 * next block is asked for: the memory of chunks is reused (InputStream.chunks). With
 * `headroom` (InputStream.headroom), a line carried from one chunk to the next is put
 * in the free bytes before the next chunk, so that it and that chunk make one block.
 *
 * A block ends with the line feed after a line that holds something other than line
 * ends: empty lines are rows (an error) when a row follows them and are dropped at the
 * end of the file, so they wait in the next block until that is known.
 * @internal
 */
export async function readCsvBlocks(chunks: AsyncIterable<Buffer>, where: string, options: readonly NumericOption[], headroom = 0): Promise<{ file: CsvFile; blocks: AsyncGenerator<CsvBlock> }> {
  const it = chunks[Symbol.asyncIterator]();
  // The header: bytes up to the first line feed, of which at most the limit (and a byte-order mark and a \r) are held.
  const keep = CSV_LIMITS.headerBytes + 4;
  let head = Buffer.alloc(0);
  let total = 0;
  let firstCr = -1;
  let lineFeed = -1;
  let byteBeforeEnd = -1; // the byte before the header line's end (a \r to drop)
  let rest: Buffer | undefined;
  for (;;) {
    const r = await it.next();
    if (r.done === true) break;
    const chunk = r.value;
    const i = chunk.indexOf(LINE_FEED);
    const upto = i < 0 ? chunk.length : i;
    if (firstCr < 0) {
      const c = chunk.indexOf(CARRIAGE_RETURN);
      if (c >= 0 && c < upto) firstCr = total + c;
    }
    if (head.length < keep) head = Buffer.concat([head, chunk.subarray(0, Math.min(upto, keep - head.length))]);
    if (upto > 0) byteBeforeEnd = chunk[upto - 1] as number;
    if (i >= 0) {
      lineFeed = total + i;
      rest = chunk.subarray(i + 1);
      total += chunk.length;
      break;
    }
    total += chunk.length;
  }
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const nl = lineFeed < 0 ? total : lineFeed;
  // No line feed at all, but a carriage return before the last byte: lines end in bare CR.
  if (lineFeed < 0 && firstCr >= bom && firstCr < total - 1) throw bareCarriageReturns(where);
  const headerEnd = nl > bom && byteBeforeEnd === CARRIAGE_RETURN ? nl - 1 : nl;
  if (headerEnd - bom > CSV_LIMITS.headerBytes) throw headerTooLong(where, headerEnd - bom, options);
  const file = csvHeader(where, head.subarray(bom, headerEnd), options);
  async function* blocks(): AsyncGenerator<CsvBlock> {
    // Bytes of lines not yet in a block: kept as the chunks they came in, joined once the line is complete.
    const carry: Buffer[] = rest === undefined || rest.length === 0 ? [] : [rest];
    let carried = carry.reduce((n, b) => n + b.length, 0);
    // Whether carry holds copies only: the chunks' memory is reused by later reads (InputStream.chunks).
    let carryCopied = false;
    if (lineFeed >= 0) {
      for (;;) {
        const r = await it.next();
        if (r.done === true) break;
        const chunk = r.value;
        const cut = blockEnd(chunk);
        if (cut === 0) {
          // A line longer than a chunk, or line ends only: held across reads, so copied out of the reader's reused memory (the tail before it too, once).
          if (!carryCopied && carry.length > 0) carry[0] = Buffer.from(carry[0] as Buffer);
          carryCopied = true;
          carry.push(Buffer.from(chunk));
          carried += chunk.length;
          if (carried > CSV_LIMITS.lineBytes) throw new UsageError(`${where} has a line longer than ${byteSize(CSV_LIMITS.lineBytes)} (a row holds at most ${CSV_LIMITS.cellChars + 1} bytes per column); split it into lines`);
          continue;
        }
        if (carried > 0 && carried <= headroom && chunk.byteOffset >= carried) {
          // The carried bytes fit in the free space before the chunk (InputStream.headroom): one block, the chunk not copied.
          const start = chunk.byteOffset - carried;
          const joined = Buffer.from(chunk.buffer, start, carried + cut);
          let o = 0;
          for (const piece of carry) {
            joined.set(piece, o);
            o += piece.length;
          }
          yield { bytes: joined, final: false };
        } else {
          // The carried line is completed by the chunk's first line: copy those alone, not the chunk.
          const first = chunk.indexOf(LINE_FEED) + 1;
          if (carried > 0) yield { bytes: Buffer.concat([...carry, chunk.subarray(0, first)]), final: false };
          const from = carried > 0 ? first : 0;
          if (cut > from) yield { bytes: chunk.subarray(from, cut), final: false };
        }
        carry.length = 0;
        carry.push(chunk.subarray(cut)); // valid until the next read, which joins it to its first line
        carryCopied = false;
        carried = chunk.length - cut;
      }
    }
    yield { bytes: Buffer.concat(carry), final: true };
  }
  return { file, blocks: blocks() };
}

/** Where a block of `buf` ends: after the line feed that ends the last line holding a byte other than \r or \n, or before that line if it is not complete (0: no such line feed). */
function blockEnd(buf: Buffer): number {
  let k = buf.length;
  while (k > 0 && (buf[k - 1] === LINE_FEED || buf[k - 1] === CARRIAGE_RETURN)) k -= 1;
  if (k === 0) return 0;
  const after = buf.indexOf(LINE_FEED, k);
  return after >= 0 ? after + 1 : buf.lastIndexOf(LINE_FEED, k - 1) + 1;
}
