import { readFileSync } from 'node:fs';
import { CliError } from './cliError.js';
import { parseNumberText } from './numericOption.js';

/**
 * A numeric CSV table: a header of column names, then rows of numbers separated by
 * commas (no quoting: every cell is a number). Kept as raw lines too, so that batch
 * output can echo each input row unchanged and append its result.
 * @internal
 */
export interface NumericCsv {
  readonly header: readonly string[];
  /** Column-major values: columns[j][i] is row i of column j. */
  readonly columns: readonly Float64Array[];
  /** The data lines as read (without line ends). */
  readonly lines: readonly string[];
  readonly rowCount: number;
}

/**
 * Read a numeric CSV file. Errors name the file, the line number (1-based, header
 * is line 1) and the column, and say what was found.
 * @internal
 */
export function readNumericCsv(path: string, allowedColumns: readonly string[]): NumericCsv {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`cannot read input CSV ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark
  const all = text.split('\n');
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  for (let i = 0; i < all.length; i += 1) {
    const l = all[i] as string;
    if (l.endsWith('\r')) all[i] = l.slice(0, -1);
  }
  const headerLine = all[0];
  if (headerLine === undefined || headerLine.trim() === '') throw new CliError(`input CSV ${JSON.stringify(path)} is empty: expected a header line naming the columns (${allowedColumns.join(', ')})`);
  const header = headerLine.split(',').map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (!allowedColumns.includes(h)) throw new CliError(`input CSV ${JSON.stringify(path)}: unknown column ${JSON.stringify(h)}; allowed columns are ${allowedColumns.join(', ')}`);
    if (seen.has(h)) throw new CliError(`input CSV ${JSON.stringify(path)}: column ${JSON.stringify(h)} appears twice`);
    seen.add(h);
  }
  const lines = all.slice(1);
  const width = header.length;
  const columns = header.map(() => new Float64Array(lines.length));
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    let start = 0;
    for (let j = 0; j < width; j += 1) {
      let end = line.indexOf(',', start);
      if (end < 0) end = line.length;
      if (j === width - 1 && end !== line.length) throw new CliError(`input CSV ${JSON.stringify(path)}, line ${i + 2}: more than ${width} cells`);
      if (start > line.length) throw new CliError(`input CSV ${JSON.stringify(path)}, line ${i + 2}: ${j} cells, expected ${width} (${header.join(', ')})`);
      const cell = line.slice(start, end);
      let v = Number(cell);
      // Number('') is 0 and Number('abc') NaN: both are errors unless the cell says NaN.
      if (Number.isNaN(v) || (v === 0 && cell.trim() === '')) v = parseNumberText(`input CSV ${JSON.stringify(path)}, line ${i + 2}, column ${header[j] as string}`, cell);
      (columns[j] as Float64Array)[i] = v;
      start = end + 1;
    }
  }
  return { header, columns, lines, rowCount: lines.length };
}
