#!/usr/bin/env node
/**
 * The `qsdl` command line: a thin shell over the library. Every error prints one line
 * `qsdl: error: …` on stderr, never a stack trace; the exit code says what kind of error
 * it was, by the error's class (docs/cli.md#exit-codes): 2 for a wrong request, 74 for a
 * system that refused (disk full, permission), 70 for a bug in qsdl (its stack shown
 * with QSDL_DEBUG=1), 3 and 4 for a claim that fails or cannot be decided.
 * @internal
 */
import { Command, CommanderError } from 'commander';
import { QSDL_VERSION } from '../version.js';
import { errnoCode, errnoText } from './_internal/errnoText.js';
import { EXIT, exitCodeOf, IoError } from './_internal/errors.js';
import { forbidRepeatedFlags } from './_internal/strictOptions.js';
import { registerLeakData } from './commands/leakData.js';
import { registerLeakWeight } from './commands/leakWeight.js';
import { registerPaper } from './commands/paper.js';
import { registerBounds } from './commands/bounds.js';
import { registerTrain } from './commands/train.js';
import { registerAccuracy } from './commands/accuracy.js';
import { registerCurve } from './commands/curve.js';
import { registerMaps } from './commands/maps.js';
import { registerHeadline } from './commands/headline.js';
import { registerAttack } from './commands/attack.js';
import { registerCountermeasures } from './commands/countermeasures.js';
import { registerServerTest } from './commands/serverTest.js';
import { registerAudit } from './commands/audit.js';
import { registerProve } from './commands/prove.js';
import { registerCheck } from './commands/check.js';
import { registerSolve } from './commands/solve.js';
import type { CliIo } from './commands/common.js';

/** Help goes to stdout (or stderr when shown for a missing command); commander's own error text is replaced by one line of ours. */
function output(io: CliIo) {
  return { writeOut: (s: string) => io.stdout(s), writeErr: (s: string) => void process.stderr.write(s), outputError: () => undefined };
}

/** Every command of the tree, the root included. */
function allCommands(c: Command): Command[] {
  return [c, ...c.commands.flatMap(allCommands)];
}

function buildProgram(io: CliIo): Command {
  const program = new Command('qsdl')
    .description('Formal security analysis of quantum-secure multiparty deep learning (arXiv:2408.05629).\nUnits: bits, shot-noise units (vacuum variance 1), power transmittance. Model: docs/model.md.')
    .version(QSDL_VERSION)
    .showHelpAfterError(false);
  registerAudit(program, io);
  registerProve(program, io);
  registerCheck(program, io);
  registerSolve(program, io);
  const leak = program.command('leak').description('leakage per symbol: `leak weight` (client side) or `leak data` (server side)');
  registerLeakWeight(leak, io);
  registerLeakData(leak, io);
  registerPaper(program, io);
  registerBounds(program, io);
  registerTrain(program, io);
  registerAccuracy(program, io);
  registerCurve(program, io);
  registerMaps(program, io);
  registerHeadline(program, io);
  registerAttack(program, io);
  registerCountermeasures(program, io);
  registerServerTest(program, io);
  for (const c of allCommands(program)) {
    c.exitOverride().configureOutput(output(io));
    forbidRepeatedFlags(c);
  }
  return program;
}

/** Longest error line printed (characters): every value in a message is cut already; this bounds the rest. */
const MAX_MESSAGE = 2000;

/** A message as one printable line: newlines folded, control characters (a terminal escape in an argument) shown escaped, length bounded. */
function oneLine(message: string): string {
  const line = message.replace(/\s*\n\s*/g, ' ').replace(/^error: /, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return line.length <= MAX_MESSAGE ? line : `${line.slice(0, MAX_MESSAGE - 1)}…`;
}

/** Run the command line; resolves to the exit code (a command that gives a verdict sets it through io.verdict). */
async function main(argv: string[]): Promise<number> {
  let verdict: number = EXIT.ok;
  const io: CliIo = { stdout: (t) => void process.stdout.write(t), verdict: (code) => void (verdict = code) };
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return verdict;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // `qsdl help …` asked for it (exit code 0); a command group given no subcommand shows it as an error.
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      process.stderr.write(`qsdl: error: ${oneLine(e.message)} (see qsdl --help)\n`);
      return EXIT.usage;
    }
    const code = exitCodeOf(e);
    if (code === EXIT.internal) throw e;
    // A system call's own error (not one of ours) in words, with the call that failed.
    const text = e instanceof Error && errnoCode(e) !== undefined && (e as NodeJS.ErrnoException).syscall !== undefined && !(e instanceof IoError) ? `system error: ${errnoText(e)} (${(e as NodeJS.ErrnoException).syscall ?? ''})` : (e as Error).message;
    process.stderr.write(`qsdl: error: ${oneLine(text)}\n`);
    return code;
  }
}

// Messages to a standard error that nobody reads any more cannot be shown; that must not change the exit code.
process.stderr.on('error', () => undefined);

// A reader that stops early (`qsdl … | head`) closes the pipe: that is not an error of ours.
// Any other failure to write standard output (a full disk, an I/O error) is the system's: exit 74.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (errnoCode(e) === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`qsdl: error: cannot write to standard output: ${errnoText(e)}\n`);
  process.exit(EXIT.io);
});

/** Every path qsdl resolves is relative to the current folder: if it was deleted, say so before anything else. */
function currentFolderExists(): boolean {
  try {
    process.cwd();
    return true;
  } catch {
    process.stderr.write('qsdl: error: the current folder no longer exists (it was removed after this shell entered it); cd to an existing folder\n');
    process.exitCode = EXIT.io;
    return false;
  }
}

if (currentFolderExists()) main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`qsdl: internal error: ${oneLine(err.message)}${process.env.QSDL_DEBUG ? `\n${err.stack ?? ''}` : ' (a bug in qsdl; set QSDL_DEBUG=1 for the stack)'}\n`);
    process.exitCode = EXIT.internal;
  },
);

