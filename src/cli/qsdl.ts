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
import type { CliIo } from './commands/common.js';

/** Adds one top-level command (and its subcommands) to the program. */
type Register = (program: Command, io: CliIo) => void;

/**
 * The top-level commands in the order help lists them, each loaded on demand: a run
 * loads the code of the command it runs and no other (esbuild splits the bundle at these
 * imports; loading all of it cost about 50 ms on every command).
 */
const COMMANDS: readonly { readonly name: string; readonly load: (args: readonly string[]) => Promise<Register> }[] = [
  { name: 'audit', load: async () => (await import('./commands/audit.js')).registerAudit },
  { name: 'prove', load: async () => (await import('./commands/prove.js')).registerProve },
  { name: 'check', load: async () => (await import('./commands/check.js')).registerCheck },
  { name: 'solve', load: async () => (await import('./commands/solve.js')).registerSolve },
  {
    name: 'leak',
    // `leak weight …` loads weight alone (leak data brings the @stdlib distributions); `leak` without a known subcommand, both.
    load: async (args) => {
      const [weight, data] = await Promise.all([
        args[1] === 'data' ? undefined : import('./commands/leakWeight.js'),
        args[1] === 'weight' ? undefined : import('./commands/leakData.js'),
      ]);
      return (program, io) => {
        const leak = program.command('leak').description('leakage per symbol: `leak weight` (client side) or `leak data` (server side)');
        weight?.registerLeakWeight(leak, io);
        data?.registerLeakData(leak, io);
      };
    },
  },
  { name: 'paper', load: async () => (await import('./commands/paper.js')).registerPaper },
  { name: 'bounds', load: async () => (await import('./commands/bounds.js')).registerBounds },
  { name: 'train', load: async () => (await import('./commands/train.js')).registerTrain },
  { name: 'accuracy', load: async () => (await import('./commands/accuracy.js')).registerAccuracy },
  { name: 'curve', load: async () => (await import('./commands/curve.js')).registerCurve },
  { name: 'maps', load: async () => (await import('./commands/maps.js')).registerMaps },
  { name: 'headline', load: async () => (await import('./commands/headline.js')).registerHeadline },
  { name: 'attack', load: async () => (await import('./commands/attack.js')).registerAttack },
  { name: 'countermeasures', load: async () => (await import('./commands/countermeasures.js')).registerCountermeasures },
  { name: 'server-test', load: async () => (await import('./commands/serverTest.js')).registerServerTest },
];

/**
 * The commands a run needs: the one named first (`qsdl leak weight …` loads `leak`), none
 * for `qsdl --version` alone, and all of them otherwise (help, `qsdl help …`, an unknown
 * or missing command, an option before the command), so that help lists every command
 * and commander's messages are those of the full program.
 */
function commandsFor(args: readonly string[]): readonly (typeof COMMANDS)[number][] {
  const named = COMMANDS.find((c) => c.name === args[0]);
  if (named !== undefined) return [named];
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return [];
  return COMMANDS;
}


/** Help goes to stdout (or stderr when shown for a missing command); commander's own error text is replaced by one line of ours. */
function output(io: CliIo) {
  return { writeOut: (s: string) => io.stdout(s), writeErr: (s: string) => void process.stderr.write(s), outputError: () => undefined };
}

/** Every command of the tree, the root included. */
function allCommands(c: Command): Command[] {
  return [c, ...c.commands.flatMap(allCommands)];
}

async function buildProgram(io: CliIo, args: readonly string[]): Promise<Command> {
  const program = new Command('qsdl')
    .description('Formal security analysis of quantum-secure multiparty deep learning (arXiv:2408.05629).\nUnits: bits, shot-noise units (vacuum variance 1), power transmittance. Model: docs/model.md.')
    .version(QSDL_VERSION)
    .showHelpAfterError(false);
  const registers = await Promise.all(commandsFor(args).map((c) => c.load(args)));
  for (const register of registers) register(program, io);
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
  const program = await buildProgram(io, argv.slice(2));
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

