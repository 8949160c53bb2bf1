import { CliError } from './cliError.js';

/**
 * A numeric CLI option declared as data: the flag, the CSV column of the same
 * name for batch mode, the key of the library input it fills, and its help text
 * (with units). @internal
 */
export interface NumericOption {
  /** Long flag without dashes, also the CSV column name, e.g. `loss-db`. */
  readonly name: string;
  /** Placeholder shown in help, e.g. `μ`. */
  readonly placeholder: string;
  /** Help text, with units and range. */
  readonly help: string;
  /** Allowed values, for error messages, e.g. `in [0, 1e12]`. */
  readonly range: string;
  /** Commander's camelCase attribute for the flag. */
  readonly attribute: string;
}

/**
 * Parse a decimal number given on the command line or in a CSV cell. The literal
 * `NaN` passes through (the library then names the parameter and its range); anything
 * else that is not a decimal number (empty, blank, words, hexadecimal/binary/octal
 * literals, which JavaScript's Number() would accept) is an error naming `what`, the
 * allowed `range` and the text received.
 * @internal
 */
export function parseNumberText(what: string, text: string, range: string): number {
  const t = text.trim();
  if (t === 'NaN') return Number.NaN;
  const v = t === '' || isRadixLiteral(t) ? Number.NaN : Number(t);
  if (Number.isNaN(v)) throw new CliError(`${what} must be a decimal number ${range}; received ${JSON.stringify(text)}`);
  if (v === 0 && /[1-9]/.test(t.replace(/[eE].*$/, ''))) {
    throw new CliError(`${what} = ${t}: its magnitude is below the smallest double (4.9e-324), so it would be read as 0; give a value ${range}`);
  }
  if (!Number.isFinite(v)) throw new CliError(`${what} must be a finite decimal number ${range}; received ${JSON.stringify(text)}`);
  return v;
}

/** True for 0x…, 0b…, 0o… (after optional leading blanks): literals Number() reads but a table should not contain. @internal */
export function isRadixLiteral(cell: string): boolean {
  let k = 0;
  while (cell.charCodeAt(k) === 0x20 || cell.charCodeAt(k) === 0x09) k += 1;
  if (cell.charCodeAt(k) !== 0x30) return false;
  const c = cell.charCodeAt(k + 1) | 0x20; // lower case
  return c === 0x78 || c === 0x62 || c === 0x6f; // x, b, o
}

/** camelCase of a kebab-case flag name, as commander stores it. @internal */
export function attributeOf(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Declare an option: `numericOption('loss-db', 'dB', 'in [0, 160]', 'channel loss in dB …')`. @internal */
export function numericOption(name: string, placeholder: string, range: string, help: string): NumericOption {
  return { name, placeholder, help, range, attribute: attributeOf(name) };
}
