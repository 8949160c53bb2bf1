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
  /** Commander's camelCase attribute for the flag. */
  readonly attribute: string;
}

/**
 * Parse a number given on the command line or in a CSV cell. The literal `NaN`
 * passes through (the library then names the parameter and its range); anything
 * else that is not a number is an error naming `what` and the text received.
 * @internal
 */
export function parseNumberText(what: string, text: string): number {
  const t = text.trim();
  if (t === 'NaN') return Number.NaN;
  const v = t === '' ? Number.NaN : Number(t);
  if (Number.isNaN(v)) throw new CliError(`${what} must be a number; received ${JSON.stringify(text)}`);
  return v;
}

/** camelCase of a kebab-case flag name, as commander stores it. @internal */
export function attributeOf(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Declare an option: `declare('loss-db', 'dB', 'channel loss in dB …')`. @internal */
export function numericOption(name: string, placeholder: string, help: string): NumericOption {
  return { name, placeholder, help, attribute: attributeOf(name) };
}
