import { isInputError } from '../../inputError.js';
import type { ClaimVerdict } from '../../studies/claimVerdict.js';

/**
 * What the user asked for is wrong: a bad flag value, a flag that does not apply, an
 * input file that is missing or malformed, an output target qsdl refuses to write.
 * Printed as one line; exit {@link EXIT.usage}.
 * @internal
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The request is fine but the system could not carry it out: permission denied, a
 * read-only file system, a full disk, a broken installation. Printed as one line; exit
 * {@link EXIT.io}.
 * @internal
 */
export class IoError extends Error {
  override readonly name = 'IoError';
}

/**
 * The exit codes of `qsdl` (docs/cli.md#exit-codes). 3 and 4 are verdicts, not failures
 * of qsdl: the command ran to the end and says a claim fails or a check found a
 * difference (3), or a claim cannot be decided with qsdl's bounds and attacks (4). 70 and 74 follow BSD sysexits (EX_SOFTWARE,
 * EX_IOERR); 128 + n is the shell's convention for a process ended by signal n.
 * @internal
 */
export const EXIT = Object.freeze({
  ok: 0,
  usage: 2,
  fails: 3,
  unknown: 4,
  internal: 70,
  io: 74,
  sigint: 130,
  sigterm: 143,
});

/**
 * The exit code for an error a command threw: by its class, never by its wording. A
 * system call's error that no command caught (it carries an errno code and the call) is
 * the environment's, not a bug. @internal
 */
export function exitCodeOf(e: unknown): number {
  if (e instanceof UsageError || isInputError(e)) return EXIT.usage;
  if (e instanceof IoError) return EXIT.io;
  const sys = e as { code?: unknown; syscall?: unknown } | null;
  if (typeof sys?.code === 'string' && /^E[A-Z]+$/.test(sys.code) && typeof sys.syscall === 'string') return EXIT.io;
  return EXIT.internal;
}

/** The exit code of a verdict: 0 holds, 3 fails, 4 unknown (docs/cli.md#exit-codes). @internal */
export function verdictExit(v: ClaimVerdict): number {
  return v === 'holds' ? EXIT.ok : v === 'fails' ? EXIT.fails : EXIT.unknown;
}
