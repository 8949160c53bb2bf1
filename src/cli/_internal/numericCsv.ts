import { UsageError } from './errors.js';
import { byteSize } from './inputFile.js';
import { inDomain, isRadixLiteral, parseInDomain, parseNumberText, type NumericOption } from './numericOption.js';

const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
const COMMA = 0x2c;

/**
 * Limits of batch input (docs/cli.md#limits), chosen from memory: a file is held whole
 * (bytes, one latin1 string, 8 bytes per cell, the output), about 7 bytes of memory per
 * input byte plus 114 bytes per row at 10 columns, so the limits keep one run under
 * about 1.5 GB.
 * @internal
 */
export const CSV_LIMITS = Object.freeze({
  /** Largest input file (bytes). */
  bytes: 128 * 1024 * 1024,
  /** Most data rows. */
  rows: 2 ** 22,
  /** Longest cell (characters): a double needs at most 24, blanks around it included. */
  cellChars: 64,
  /** Longest header line (bytes). */
  headerBytes: 1024,
});

/**
 * Batch input: a numeric CSV, a header of column names then rows of numbers separated
 * by commas (no quoting: every cell is a number). The file is held as bytes and
 * decoded as latin1, one character per byte, so string offsets are byte offsets and
 * each input row can be copied to the output unchanged.
 * @internal
 */
export interface CsvFile {
  /** Name used in error messages, e.g. `input CSV "points.csv"`. */
  readonly where: string;
  readonly bytes: Buffer;
  readonly header: readonly string[];
  /** The option each column fills (domain, range text). */
  readonly columns: readonly NumericOption[];
  /** Byte offset of the first data row. */
  readonly bodyStart: number;
}

/** Parsed rows of a {@link CsvFile}. @internal */
export interface CsvRows {
  /** Column-major values: columns[j][i] is row i of column j. */
  readonly columns: readonly Float64Array[];
  /** Byte offset (in the file) where row i starts. */
  readonly rowStart: Int32Array;
  /** Byte offset where row i ends (exclusive, before any \r\n). */
  readonly rowEnd: Int32Array;
  readonly rowCount: number;
}

/** Check the bytes and the header of a CSV input; errors name the file and say what is wrong. @internal */
export function csvFile(where: string, bytes: Buffer, options: readonly NumericOption[]): CsvFile {
  const allowedColumns = options.map((o) => o.name);
  if (bytes.length > CSV_LIMITS.bytes) throw new UsageError(`${where} is ${byteSize(bytes.length)}, above the limit of ${byteSize(CSV_LIMITS.bytes)}; split it into smaller files`);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let nl = bytes.indexOf(LINE_FEED, bom);
  if (nl < 0) nl = bytes.length;
  const firstCr = bytes.indexOf(CARRIAGE_RETURN, bom);
  // No line feed at all, but a carriage return before the last byte: lines end in bare CR.
  if (nl === bytes.length && firstCr >= 0 && firstCr < bytes.length - 1) {
    throw new UsageError(`${where} has carriage returns but no line feeds (old Mac line ends); save it with \\n or \\r\\n line ends`);
  }
  const headerEnd = nl > bom && bytes[nl - 1] === CARRIAGE_RETURN ? nl - 1 : nl;
  if (headerEnd - bom > CSV_LIMITS.headerBytes) throw new UsageError(`${where}: the header line is ${headerEnd - bom} bytes, above the limit of ${CSV_LIMITS.headerBytes}; it should name columns among ${allowedColumns.join(', ')}`);
  const headerText = bytes.toString('utf8', bom, headerEnd);
  if (headerText.trim() === '') throw new UsageError(`${where} is empty: expected a header line naming the columns (${allowedColumns.join(', ')})`);
  const header = headerText.split(',').map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (!allowedColumns.includes(h)) throw new UsageError(`${where}: unknown column ${JSON.stringify(h.slice(0, 40))}; allowed columns are ${allowedColumns.join(', ')}`);
    if (seen.has(h)) throw new UsageError(`${where}: column ${JSON.stringify(h)} appears twice`);
    seen.add(h);
  }
  const columns = header.map((h) => options.find((o) => o.name === h) as NumericOption);
  return { where, bytes, header, columns, bodyStart: Math.min(nl + 1, bytes.length) };
}

/**
 * Parse the data rows of a CSV file, in time linear in its size (line numbers in messages
 * are 1-based; the header is line 1, the first row line 2). Each cell goes through
 * Number() (correctly rounded) and is checked against its column's domain; an empty,
 * blank, over-long or non-numeric cell is an error naming the line, the column, the
 * range and the text. Empty lines at the end are not rows; an empty line between rows
 * is an error.
 * @internal
 */
export function parseCsvRows(file: CsvFile): CsvRows {
  const { bytes, header, where, columns: options } = file;
  const from = file.bodyStart;
  const to = bytes.length;
  // Slicing one flat latin1 string is far cheaper than decoding every cell (bench/).
  const text = bytes.toString('latin1', from, to);
  // Storage grows by doubling; the first guess assumes rows of about 32 bytes.
  let capacity = Math.min(CSV_LIMITS.rows, Math.max(16, Math.ceil((to - from) / 32)));
  const width = header.length;
  let columns = header.map(() => new Float64Array(capacity));
  let rowStart = new Int32Array(capacity);
  let rowEnd = new Int32Array(capacity);
  let rowCount = 0;
  let pos = 0;
  // Trailing empty lines (any number of \n or \r\n) are not rows.
  let last = text.length;
  while (last > 0 && (text.charCodeAt(last - 1) === LINE_FEED || text.charCodeAt(last - 1) === CARRIAGE_RETURN)) last -= 1;
  while (pos < last) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const end = nl > pos && text.charCodeAt(nl - 1) === CARRIAGE_RETURN ? nl - 1 : nl;
    const line = rowCount + 2;
    if (rowCount === capacity) {
      if (rowCount === CSV_LIMITS.rows) throw new UsageError(`${where} has more than ${CSV_LIMITS.rows} data rows (the limit of one batch); split it into smaller files`);
      capacity = Math.min(CSV_LIMITS.rows, capacity * 2);
      columns = columns.map((c) => grow(c, capacity));
      rowStart = grow(rowStart, capacity);
      rowEnd = grow(rowEnd, capacity);
    }
    let start = pos;
    for (let j = 0; j < width; j += 1) {
      if (start > end) throw new UsageError(`${where}, line ${line}: ${j} cells, expected ${width} (${header.join(', ')})`);
      // The cell ends at the next comma of this line: a scan that never passes the line's end.
      let stop = start;
      while (stop < end && text.charCodeAt(stop) !== COMMA) stop += 1;
      if (stop < end && j === width - 1) throw new UsageError(`${where}, line ${line}: more than ${width} cells`);
      const option = options[j] as NumericOption;
      const what = () => `${where}, line ${line}, column ${header[j] as string}`;
      if (stop - start > CSV_LIMITS.cellChars) throw new UsageError(`${what()}: a cell of ${stop - start} characters, above the limit of ${CSV_LIMITS.cellChars}; expected ${option.range}`);
      const cell = text.slice(start, stop);
      let v = Number(cell);
      // Number('abc') is NaN and Number('') / Number('  ') are 0: errors, unless the cell says NaN.
      // Zero is re-checked (blank cells, and 1e-400 underflowing to 0); radix literals are refused.
      if (Number.isNaN(v) || v === 0 || isRadixLiteral(cell)) {
        v = parseNumberText(what(), bytes.toString('utf8', from + start, from + stop), option.domain);
      }
      if (!inDomain(v, option.domain)) parseInDomain(what(), cell, option.domain); // throws, naming the range
      (columns[j] as Float64Array)[rowCount] = v;
      start = stop + 1;
    }
    rowStart[rowCount] = from + pos;
    rowEnd[rowCount] = from + end;
    rowCount += 1;
    pos = nl + 1;
  }
  return { columns: columns.map((c) => c.subarray(0, rowCount)), rowStart, rowEnd, rowCount };
}

function grow<T extends Float64Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
