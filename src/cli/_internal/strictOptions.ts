import type { EventEmitter } from 'node:events';
import type { Command } from 'commander';
import { describeValue } from '../../_internal/validate.js';
import { UsageError } from './errors.js';

/**
 * Make a flag given twice an error on `cmd` (`--mu 4 --mu 5` is a typo, not a request
 * for 5). Commander emits `option:NAME` once per occurrence; the check runs before its
 * own handler stores the value, and sees the first occurrence's source as `cli`.
 * @internal
 */
export function forbidRepeatedFlags(cmd: Command): void {
  for (const o of cmd.options) {
    const attribute = o.attributeName();
    (cmd as unknown as EventEmitter).prependListener(`option:${o.name()}`, (value: unknown) => {
      if (cmd.getOptionValueSource(attribute) !== 'cli') return;
      const previous = cmd.getOptionValue(attribute) as unknown;
      const values = typeof value === 'string' && typeof previous === 'string' ? ` (${describeValue(previous)} and ${describeValue(value)})` : '';
      throw new UsageError(`${o.long ?? o.flags} is given twice${values}; give it once`);
    });
  }
}

/** The long flags (`--mu`) the user gave on the command line (not defaults). @internal */
export function givenFlags(cmd: Command): string[] {
  return cmd.options.filter((o) => cmd.getOptionValueSource(o.attributeName()) === 'cli').map((o) => o.long ?? o.flags);
}

/**
 * Refuse flags that have no effect in this call: each of `flags` given on the command
 * line is an error saying why (`--seed does not apply with --no-accuracy`).
 * @param cmd - the command
 * @param flags - long flags, e.g. `['--seed']`
 * @param applies - false when they do not apply
 * @param why - the condition, e.g. `with --no-accuracy` or `without --input`
 * @internal
 */
export function rejectFlags(cmd: Command, flags: readonly string[], applies: boolean, why: string): void {
  if (applies) return;
  const given = givenFlags(cmd).filter((f) => flags.includes(f));
  if (given.length > 0) throw new UsageError(`${given.join(', ')} ${given.length === 1 ? 'does' : 'do'} not apply ${why}`);
}
