import type { Command } from 'commander';
import { getPreset } from '../../presets/presets.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { CliError } from '../_internal/cliError.js';
import { parseNumberText, type NumericOption } from '../_internal/numericOption.js';

/** Where a command writes (injected so that the CLI shell owns process I/O). @internal */
export interface CliIo {
  readonly stdout: (text: string | Buffer) => void;
}

/** Declare numeric options on a command; values stay strings until {@link readNumericFlags}. A flag given twice is an error. @internal */
export function addNumericOptions(cmd: Command, options: readonly NumericOption[]): void {
  for (const o of options) {
    cmd.option(`--${o.name} <${o.placeholder}>`, o.help, (value: string, previous: unknown) => {
      if (previous !== undefined) throw new CliError(`--${o.name} is given twice (${String(previous)} and ${value}); give it once`);
      return value;
    });
  }
}

/** The I/O flags shared by the leak commands. @internal */
export function commonIo(cmd: Command): void {
  cmd
    .option('--json', 'print JSON: one object with a `bits` field, or an array in batch mode')
    .option('--input <FILE.csv>', 'batch mode: one result per row; columns are named like the flags')
    .option('--output <FILE>', 'batch mode: write here instead of stdout (written whole, or not at all)')
    .option('--no-echo', 'batch CSV: write the bits column alone instead of repeating each input row before it');
}

/** Parse the numeric flags present on the command line. @internal */
export function readNumericFlags(opts: Record<string, unknown>, options: readonly NumericOption[]): NumericValues {
  const out: Record<string, number | undefined> = {};
  for (const o of options) {
    const raw = opts[o.attribute];
    out[o.name] = typeof raw === 'string' ? parseNumberText(`--${o.name}`, raw, o.range) : undefined;
  }
  return out;
}

/** Check a named choice; the message lists the allowed names. @internal */
export function choice<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new CliError(`${flag} must be one of ${allowed.join(', ')}; received ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** The preset named by --preset, or undefined. @internal */
export function presetOf(value: unknown): PaperPreset | undefined {
  if (value === undefined) return undefined;
  try {
    return getPreset(String(value));
  } catch (e) {
    throw new CliError(`--${(e as Error).message}`);
  }
}
