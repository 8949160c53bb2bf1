/**
 * An error in what the user asked for (bad flag value, unreadable file): printed as
 * one line, exit code 2. Library RangeError/TypeError are treated the same way.
 * @internal
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Exit code for usage and input errors. @internal */
export const EXIT_USAGE = 2;
/** Exit code for an unexpected failure (EX_SOFTWARE). @internal */
export const EXIT_INTERNAL = 70;
