/**
 * Plain-text table: columns padded to their widest cell, a rule under the header.
 * @internal
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, j) => c.padEnd(widths[j] as number)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number for people: 6 significant digits, exponent form outside [1e-4, 1e6). @internal */
export function fmt(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 1e-4 && a < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(5);
}

/** Width every text report of qsdl fits (columns). @internal */
export const TEXT_WIDTH = 100;

/**
 * Wrap a line at word boundaries to `width` columns, continuation lines indented by
 * `indent` spaces. Leading spaces and runs of spaces inside a line (alignment) are kept;
 * a word longer than the line stays whole on its own line.
 * @example wrap('  data:     FAILS', 100) // returns '  data:     FAILS'
 * @internal
 */
export function wrap(text: string, width = TEXT_WIDTH, indent = 0): string {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const parts = text.slice(lead.length).split(/( +)/); // words at even indices, the spaces between them at odd ones
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] as string;
    if (word === '') continue;
    const sep = i > 0 ? (parts[i - 1] as string) : '';
    if (empty) line += word;
    else if ([...line].length + sep.length + [...word].length <= width) line += sep + word;
    else {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines.join('\n');
}

/** A verdict in words, upper-case for the eye: HOLDS, FAILS, UNKNOWN. @internal */
export function verdictWord(v: 'holds' | 'fails' | 'unknown'): string {
  return v.toUpperCase();
}
