import { UsageError } from './errors.js';
import { parseDecimalBytes } from './decimalBytes.js';
import { inDomain, isRadixLiteral, parseInDomain, parseNumberText, type NumericOption } from './numericOption.js';

const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
const COMMA = 0x2c;

/**
 * Limits of batch input (docs/cli.md#limits). The input is read in blocks of lines and
 * never held whole, so its size and its number of rows are not limited; what is held at
 * once is one block and one line, and a line longer than a valid row can be is an error.
 * @internal
 */
export const CSV_LIMITS = Object.freeze({
  /** Longest cell (characters): a double needs at most 24, blanks around it included. */
  cellChars: 64,
  /** Longest header line (bytes). */
  headerBytes: 1024,
  /**
   * Longest line held while it is read (bytes): a valid row has at most 65 bytes per
   * column; a longer one is an error, and this bounds the memory spent reading it to its
   * end to say which error (before streaming, a whole file was limited to 128 MiB).
   */
  lineBytes: 128 * 1024 * 1024,
});

/**
 * Batch input: a numeric CSV, a header of column names then rows of numbers separated
 * by commas (no quoting: every cell is a number). Rows are read in blocks of whole lines
 * ({@link parseCsvBlock}); each row's bytes can be copied to the output unchanged.
 * @internal
 */
export interface CsvFile {
  /** Name used in error messages, e.g. `input CSV "points.csv"`. */
  readonly where: string;
  readonly header: readonly string[];
  /** The option each column fills (domain, range text). */
  readonly columns: readonly NumericOption[];
}

/** Parsed rows of one block of a {@link CsvFile}. @internal */
export interface CsvRows {
  /** Column-major values: columns[j][i] is row i of column j. */
  readonly columns: readonly Float64Array[];
  /** Byte offset (in the block) where row i starts. */
  readonly rowStart: Int32Array;
  /** Byte offset where row i ends (exclusive, before any \r\n). */
  readonly rowEnd: Int32Array;
  readonly rowCount: number;
}

/**
 * Storage that {@link parseCsvBlock} fills and reuses from block to block (it grows when
 * a block has more rows): rows parsed into it are valid until the next parse into it.
 * Fresh arrays for every block cost page faults, about 3 ms per MiB on the CI machine
 * (InputStream.chunks). @internal
 */
export interface RowsScratch {
  columns: Float64Array[];
  rowStart: Int32Array;
  rowEnd: Int32Array;
}

/** Empty scratch for a file of `width` columns. @internal */
export function rowsScratch(width: number): RowsScratch {
  return { columns: Array.from({ length: width }, () => new Float64Array(0)), rowStart: new Int32Array(0), rowEnd: new Int32Array(0) };
}

/** The header line (its bytes after any byte-order mark, without the line end) as columns; errors name the file. @internal */
export function csvHeader(where: string, line: Buffer, options: readonly NumericOption[]): CsvFile {
  const allowedColumns = options.map((o) => o.name);
  if (line.length > CSV_LIMITS.headerBytes) throw headerTooLong(where, line.length, options);
  const headerText = line.toString('utf8');
  if (headerText.trim() === '') throw new UsageError(`${where} is empty: expected a header line naming the columns (${allowedColumns.join(', ')})`);
  const header = headerText.split(',').map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (!allowedColumns.includes(h)) throw new UsageError(`${where}: unknown column ${JSON.stringify(h.slice(0, 40))}; allowed columns are ${allowedColumns.join(', ')}`);
    if (seen.has(h)) throw new UsageError(`${where}: column ${JSON.stringify(h)} appears twice`);
    seen.add(h);
  }
  const columns = header.map((h) => options.find((o) => o.name === h) as NumericOption);
  return { where, header, columns };
}

/** The error for a header line of `bytes` bytes, above the limit. @internal */
export function headerTooLong(where: string, bytes: number, options: readonly NumericOption[]): UsageError {
  return new UsageError(`${where}: the header line is ${bytes} bytes, above the limit of ${CSV_LIMITS.headerBytes}; it should name columns among ${options.map((o) => o.name).join(', ')}`);
}

/** The error for a file whose lines end in bare carriage returns. @internal */
export function bareCarriageReturns(where: string): UsageError {
  return new UsageError(`${where} has carriage returns but no line feeds (old Mac line ends); save it with \\n or \\r\\n line ends`);
}

/**
 * Parse one block of data rows, bytes[from, to), in time linear in its size (line numbers
 * in messages are 1-based; the header is line 1, and the block's first row is line
 * `firstLine`). A block that is not `final` holds whole lines, each a row (it ends in a
 * line feed); the final block of a file may lack the last line feed, and its trailing
 * empty lines are not rows. Each cell is read as Number() reads it (correctly rounded;
 * {@link parseDecimalBytes} for plain numbers) and checked against its column's domain —
 * once per column and block, on the column's least and largest values; the first bad
 * cell is then looked up, so an error names the same cell as a check of each cell would.
 * An empty, blank, over-long or non-numeric cell is an error naming the line, the
 * column, the range and the text. An empty line between rows is an error.
 * @internal
 */
export function parseCsvBlock(file: CsvFile, bytes: Buffer, from: number, to: number, final: boolean, firstLine: number, scratch?: RowsScratch): CsvRows {
  const { header, where, columns: options } = file;
  const width = header.length;
  // Storage grows by doubling; the first guess assumes rows of about 32 bytes (or the scratch's, when larger).
  let capacity = Math.max(16, Math.ceil((to - from) / 32));
  let columns: Float64Array[];
  let rowStart: Int32Array;
  let rowEnd: Int32Array;
  if (scratch !== undefined && scratch.columns.length === width && scratch.rowStart.length >= capacity) {
    capacity = scratch.rowStart.length;
    columns = scratch.columns;
    rowStart = scratch.rowStart;
    rowEnd = scratch.rowEnd;
  } else {
    columns = header.map(() => new Float64Array(capacity));
    rowStart = new Int32Array(capacity);
    rowEnd = new Int32Array(capacity);
  }
  const least = new Float64Array(width).fill(Infinity);
  const largest = new Float64Array(width).fill(-Infinity);
  const notANumber = new Uint8Array(width);
  const integer = options.map((o) => o.domain.integer === true);
  let rowCount = 0;
  let pos = from;
  // Trailing empty lines (any number of \n or \r\n) of the file are not rows.
  let last = to;
  if (final) while (last > from && (bytes[last - 1] === LINE_FEED || bytes[last - 1] === CARRIAGE_RETURN)) last -= 1;
  /** The first cell out of its column's domain in rows [0, row) and in row `row` before column `column`, as an error; undefined if none. */
  const rangeErrorBefore = (row: number, column: number): UsageError | undefined => {
    for (let i = 0; i <= row && i < rowCount + 1; i += 1) {
      for (let j = 0; j < (i === row ? column : width); j += 1) {
        const option = options[j] as NumericOption;
        if (inDomain((columns[j] as Float64Array)[i] as number, option.domain)) continue;
        try {
          parseInDomain(`${where}, line ${firstLine + i}, column ${header[j] as string}`, cellText(bytes, rowStart[i] as number, j), option.domain);
        } catch (e) {
          if (e instanceof UsageError) return e;
          throw e;
        }
      }
    }
    return undefined;
  };
  /** A syntax error at (row, column), unless a cell before it is out of range: that one is named, as a check of each cell in order would. */
  const fail = (row: number, column: number, error: UsageError): UsageError => rangeErrorBefore(row, column) ?? error;
  while (pos < last) {
    const line = firstLine + rowCount;
    if (rowCount === capacity) {
      capacity *= 2;
      columns = columns.map((c) => grow(c, capacity));
      rowStart = grow(rowStart, capacity);
      rowEnd = grow(rowEnd, capacity);
    }
    rowStart[rowCount] = pos;
    let start = pos;
    let end = -1; // the line's end before any \r, once the line feed is found
    let nl = to;
    for (let j = 0; j < width; j += 1) {
      if (end >= 0 && start > end) throw fail(rowCount, j, new UsageError(`${where}, line ${line}: ${j} cells, expected ${width} (${header.join(', ')})`));
      // A plain number read straight from the bytes ends the cell if a comma or the line's end follows it;
      // otherwise the cell ends at the next comma of this line: a scan that never passes the line's end.
      const column = columns[j] as Float64Array;
      let stop = parseDecimalBytes(bytes, start, to, column, rowCount);
      let c = stop < 0 ? 0 : stop < to ? bytes[stop] as number : LINE_FEED;
      let v = Number.NaN;
      if (stop < 0 || !(c === COMMA || c === LINE_FEED || (c === CARRIAGE_RETURN && bytes[stop + 1] === LINE_FEED))) {
        stop = start;
        c = 0;
        while (stop < to && (c = bytes[stop] as number) !== COMMA && c !== LINE_FEED) stop += 1;
      } else {
        v = column[rowCount] as number;
        if (c === CARRIAGE_RETURN) {
          stop += 1;
          c = LINE_FEED;
        }
      }
      if (stop === to || c === LINE_FEED) {
        nl = stop;
        end = nl > pos && bytes[nl - 1] === CARRIAGE_RETURN ? nl - 1 : nl;
        stop = end;
      } else if (j === width - 1) throw fail(rowCount, j, new UsageError(`${where}, line ${line}: more than ${width} cells`));
      const option = options[j] as NumericOption;
      if (stop - start > CSV_LIMITS.cellChars) throw fail(rowCount, j, new UsageError(`${cellWhere(where, line, header[j] as string)}: a cell of ${stop - start} characters, above the limit of ${CSV_LIMITS.cellChars}; expected ${option.range}`));
      if (v !== v) {
        const cell = bytes.toString('latin1', start, stop);
        v = Number(cell);
        // Number('abc') is NaN and Number('') / Number('  ') are 0: errors, unless the cell says NaN.
        // Zero is re-checked (blank cells, and 1e-400 underflowing to 0); radix literals are refused.
        if (Number.isNaN(v) || v === 0 || isRadixLiteral(cell)) {
          try {
            v = parseNumberText(cellWhere(where, line, header[j] as string), bytes.toString('utf8', start, stop), option.domain);
          } catch (e) {
            if (e instanceof UsageError) throw fail(rowCount, j, e);
            throw e;
          }
        }
        if (v !== v) notANumber[j] = 1;
      }
      if (v < (least[j] as number)) least[j] = v;
      if (v > (largest[j] as number)) largest[j] = v;
      if (integer[j] === true && !Number.isInteger(v)) notANumber[j] = 1;
      column[rowCount] = v;
      start = stop + 1;
    }
    rowEnd[rowCount] = end;
    rowCount += 1;
    pos = nl + 1;
  }
  // The domain of each column, checked once: on its least and largest values.
  const bad = rowCount > 0 ? firstColumnOutOfDomain(options, least, largest, notANumber) : -1;
  if (bad >= 0) throw rangeErrorBefore(rowCount - 1, width) ?? new Error(`column ${header[bad] as string} failed its domain check but no cell of it did`);
  return parsedRows(columns, rowStart, rowEnd, rowCount, scratch);
}

// What follows the loop of parseCsvBlock is in functions of its own: the loop is compiled while
// the first block runs (on-stack replacement), before the code after it has run once, and an
// operation without type feedback there threw that compiled code away at the end of every block.

/** The first column whose least or largest value is outside its domain (or that held NaN or a non-integer where integers are required), or −1. */
function firstColumnOutOfDomain(options: readonly NumericOption[], least: Float64Array, largest: Float64Array, notANumber: Uint8Array): number {
  for (let j = 0; j < options.length; j += 1) {
    const domain = (options[j] as NumericOption).domain;
    if (notANumber[j] === 1 || !inDomain(least[j] as number, domain) || !inDomain(largest[j] as number, domain)) return j;
  }
  return -1;
}

/** The rows parsed, the scratch told which arrays it now holds. */
function parsedRows(columns: Float64Array[], rowStart: Int32Array, rowEnd: Int32Array, rowCount: number, scratch: RowsScratch | undefined): CsvRows {
  if (scratch !== undefined) {
    scratch.columns = columns;
    scratch.rowStart = rowStart;
    scratch.rowEnd = rowEnd;
  }
  return { columns: columns.map((c) => c.subarray(0, rowCount)), rowStart, rowEnd, rowCount };
}

/** A cell named in messages. A function, not a closure made for each cell: that cost an allocation per cell. */
function cellWhere(where: string, line: number, column: string): string {
  return `${where}, line ${line}, column ${column}`;
}

/** The text of cell `column` of the row starting at `rowStart` (latin1, as Number() saw it). */
function cellText(bytes: Buffer, rowStart: number, column: number): string {
  let start = rowStart;
  for (let j = 0; j < column; j += 1) start = bytes.indexOf(COMMA, start) + 1;
  let stop = start;
  while (stop < bytes.length && bytes[stop] !== COMMA && bytes[stop] !== LINE_FEED) stop += 1;
  if ((stop === bytes.length || bytes[stop] === LINE_FEED) && stop > start && bytes[stop - 1] === CARRIAGE_RETURN) stop -= 1;
  return bytes.toString('latin1', start, stop);
}

function grow<T extends Float64Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
