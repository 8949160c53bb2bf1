import { UsageError } from './errors.js';
import { describeValue } from '../../_internal/validate.js';

/**
 * The values a numeric flag or CSV column accepts: an interval, ends open or closed,
 * optionally integers only. Counts that cost memory or time have a finite `max`, chosen
 * from what one run needs (docs/cli.md#limits). @internal
 */
export interface Domain {
  readonly min: number;
  readonly max: number;
  /** `min` itself excluded. */
  readonly openMin?: boolean;
  /** `max` itself excluded. */
  readonly openMax?: boolean;
  /** Integers only. */
  readonly integer?: boolean;
  /** The range as messages write it, when the default rendering would not do (e.g. `[−2^31, 2^31)`). */
  readonly text?: string;
}

/** Seeds of the 32-bit generators. @internal */
export const SEED_DOMAIN: Domain = { min: -(2 ** 31), max: 2 ** 31, openMax: true, integer: true, text: '[−2^31, 2^31)' };

/** A range end as text: 1e12 rather than 1000000000000; ∞ for Infinity. */
function end(x: number): string {
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  return Math.abs(x) >= 1e6 ? x.toExponential().replace('e+', 'e') : String(x);
}

/** `a number in (0, 1]`, `an integer in [2, 65536]`; with `decimal`, `a decimal number in (0, 1]` (for text that is not a number). @internal */
export function domainText(d: Domain, decimal = false): string {
  const interval = d.text ?? `${d.openMin === true ? '(' : '['}${end(d.min)}, ${end(d.max)}${d.openMax === true || d.max === Infinity ? ')' : ']'}`;
  return `${d.integer === true ? 'an integer' : decimal ? 'a decimal number' : 'a number'} in ${interval}`;
}

/** Whether v lies in the domain (NaN never does). @internal */
export function inDomain(v: number, d: Domain): boolean {
  return (d.openMin === true ? v > d.min : v >= d.min)
    && (d.openMax === true ? v < d.max : v <= d.max)
    && Number.isFinite(v)
    && (d.integer !== true || Number.isInteger(v));
}

/**
 * A numeric CLI option declared as data: the flag, the CSV column of the same
 * name for batch mode, its domain, its default and its help text (with units). @internal
 */
export interface NumericOption {
  /** Long flag without dashes, also the CSV column name, e.g. `loss-db`. */
  readonly name: string;
  /** Placeholder shown in help, e.g. `μ`. */
  readonly placeholder: string;
  /** Help text, with units (the domain and default are appended). */
  readonly help: string;
  /** Accepted values. */
  readonly domain: Domain;
  /** The domain as text, e.g. `a number in [0, 1e12]`. */
  readonly range: string;
  /** Commander's camelCase attribute for the flag. */
  readonly attribute: string;
  /** Value when the flag is absent (undefined: absent means "not given"). */
  readonly default?: number;
}

/**
 * Parse a decimal number given on the command line or in a CSV cell. The literal
 * `NaN` passes through (the domain check then rejects it, naming the range); anything
 * else that is not a decimal number (empty, blank, words, hexadecimal/binary/octal
 * literals, which JavaScript's Number() would accept) is an error naming `what`, the
 * domain and the text received.
 * @internal
 */
export function parseNumberText(what: string, text: string, domain: Domain): number {
  const t = text.trim();
  if (t === 'NaN') return Number.NaN;
  const v = t === '' || isRadixLiteral(t) ? Number.NaN : Number(t);
  if (Number.isNaN(v)) throw new UsageError(`${what} must be ${domainText(domain, true)}; received ${describeValue(text)}`);
  if (v === 0 && /[1-9]/.test(t.replace(/[eE].*$/, ''))) {
    throw new UsageError(`${what} = ${describeValue(t)}: its magnitude is below the smallest double (4.9e-324), so it would be read as 0; give ${domainText(domain)}`);
  }
  if (!Number.isFinite(v)) throw new UsageError(`${what} must be ${domainText(domain, true).replace(/^a /, 'a finite ')}; received ${describeValue(text)}`);
  return v;
}

/**
 * Parse a flag's text and check it against its domain; the message names `what` (the
 * flag, or the CSV line and column), the domain and the text received.
 * @internal
 */
export function parseInDomain(what: string, text: string, domain: Domain): number {
  const v = parseNumberText(what, text, domain);
  if (!inDomain(v, domain)) throw new UsageError(`${what} must be ${domainText(domain)}; received ${shownNumber(text)}`);
  return v;
}

/** A number's text as received, bare when it reads as a decimal number (`-1`, `NaN`), quoted and cut otherwise. */
function shownNumber(text: string): string {
  const t = text.trim();
  return t.length <= 40 && /^([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|NaN)$/.test(t) ? t : describeValue(text);
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

/** Declare an option: `numericOption('loss-db', 'dB', { min: 0, max: 150 }, 'channel loss in dB')`. @internal */
export function numericOption(name: string, placeholder: string, domain: Domain, help: string, defaultValue?: number): NumericOption {
  return { name, placeholder, help, domain, range: domainText(domain), attribute: attributeOf(name), ...(defaultValue === undefined ? {} : { default: defaultValue }) };
}
