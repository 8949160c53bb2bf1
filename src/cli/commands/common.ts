import type { Command } from 'commander';
import { presetWeightFactor } from '../../presets/weightFactors.js';
import type { NumericValues } from '../_internal/numericValues.js';
import { UsageError } from '../_internal/errors.js';
import { rejectFlags } from '../_internal/strictOptions.js';
import { parseInDomain, SEED_DOMAIN, type Domain, type NumericOption } from '../_internal/numericOption.js';

/** Where a command writes (injected so that the CLI shell owns process I/O). @internal */
export interface CliIo {
  readonly stdout: (text: string | Buffer) => void;
  /** Set the exit code of a command that ran to the end with a verdict (EXIT.fails, EXIT.unknown). */
  readonly verdict: (code: number) => void;
}

/** `, default 784` for help texts. */
function defaultText(o: NumericOption): string {
  return o.default === undefined ? '' : `; default ${o.default}`;
}

/**
 * Declare numeric options on a command; values stay strings until {@link readNumericFlags}.
 * The domain and the default go into the help text, not into commander (so that a
 * default is never mistaken for a flag the user gave).
 * @internal
 */
export function addNumericOptions(cmd: Command, options: readonly NumericOption[]): void {
  for (const o of options) cmd.option(`--${o.name} <${o.placeholder}>`, `${o.help} (${o.range}${defaultText(o)})`);
}

/** The I/O flags of the batch-capable leak commands. @internal */
export function commonIo(cmd: Command): void {
  cmd
    .option('--json', 'print JSON: one object with a `bits` field, or an array in batch mode')
    .option('--input <FILE.csv>', 'batch mode: one result per row of FILE.csv (- reads standard input); columns are named like the flags')
    .option('--output <FILE>', 'batch mode: write here instead of standard output (a regular file, written whole or not at all; - is standard output)')
    .option('--no-echo', 'batch CSV: write the bits column alone instead of repeating each input row before it')
    .option('--quiet', 'batch mode: no progress bar (it appears on standard error only when it is a terminal)');
}

/** Batch-only flags need --input; --no-echo shapes CSV output only. @internal */
export function checkBatchFlags(cmd: Command, opts: Record<string, unknown>, more: readonly string[] = []): void {
  rejectFlags(cmd, ['--output', '--no-echo', '--quiet', ...more], typeof opts.input === 'string', 'without --input FILE.csv (batch mode)');
  rejectFlags(cmd, ['--no-echo'], opts.json !== true, 'with --json (it shapes CSV output only)');
}

/** Parse the numeric flags present on the command line, each checked against its domain; absent ones take their default (or stay undefined). @internal */
export function readNumericFlags(opts: Record<string, unknown>, options: readonly NumericOption[]): NumericValues {
  const out: Record<string, number | undefined> = {};
  for (const o of options) {
    const raw = opts[o.attribute];
    out[o.name] = typeof raw === 'string' ? parseInDomain(`--${o.name}`, raw, o.domain) : o.default;
  }
  return out;
}

/** One flag's value: parsed and checked when given, else `fallback`. @internal */
export function numberFlag(flag: string, raw: unknown, domain: Domain, fallback: number): number {
  return typeof raw === 'string' ? parseInDomain(flag, raw, domain) : fallback;
}

/** `--seed S`: an integer in [−2^31, 2^31), default 1. @internal */
export function seedFlag(raw: unknown): number {
  return numberFlag('--seed', raw, SEED_DOMAIN, 1);
}

/** Declare `--seed S` with its help. @internal */
export function seedOption(cmd: Command, what: string): Command {
  return cmd.option('--seed <S>', `seed of ${what}, an integer in [−2^31, 2^31) (default 1)`);
}

/** Declare `--quiet`. @internal */
export function quietOption(cmd: Command): Command {
  return cmd.option('--quiet', 'no progress bars or notes on standard error (bars appear only when it is a terminal)');
}

/** Check a named choice; the message lists the allowed names. @internal */
export function choice<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; received ${JSON.stringify(String(value).slice(0, 80))}`);
  }
  return value as T;
}

/**
 * The preset named by --preset, as its name and weight factor alone, or undefined: what
 * `leak weight` needs, without loading the presets' data-leakage models (presetOption.ts
 * has the whole preset). @internal
 */
export function weightPresetOf(value: unknown): { readonly name: string; readonly weightFactor: number } | undefined {
  return presetFlag(value, presetWeightFactor);
}

/** --preset looked up by `lookup` (undefined when absent); its RangeError as a one-line usage error naming the flag. @internal */
export function presetFlag<T>(value: unknown, lookup: (name: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return lookup(String(value));
  } catch (e) {
    throw new UsageError(`--${(e as Error).message}`);
  }
}
