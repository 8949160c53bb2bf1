#!/usr/bin/env node
/**
 * The `qsdl` command line: a thin shell over the library. Every user error prints one
 * line `qsdl: error: …` on stderr and exits 2; never a stack trace (set QSDL_DEBUG=1
 * to see one for an unexpected failure, which exits 70).
 * @internal
 */
import { Command, CommanderError } from 'commander';
import { QSDL_VERSION } from '../version.js';
import { CliError, EXIT_INTERNAL, EXIT_USAGE } from './_internal/cliError.js';
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
import type { CliIo } from './commands/common.js';

/** Help goes to stdout (or stderr when shown for a missing command); commander's own error text is replaced by one line of ours. */
function output(io: CliIo) {
  return { writeOut: (s: string) => io.stdout(s), writeErr: (s: string) => void process.stderr.write(s), outputError: () => undefined };
}

function buildProgram(io: CliIo): Command {
  const program = new Command('qsdl')
    .description('Formal security analysis of quantum-secure multiparty deep learning (arXiv:2408.05629).\nUnits: bits, shot-noise units (vacuum variance 1), power transmittance.')
    .version(QSDL_VERSION)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput(output(io));
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
  for (const c of [program, leak, ...leak.commands, ...program.commands, ...program.commands.flatMap((p) => p.commands)]) c.exitOverride().configureOutput(output(io));
  return program;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').replace(/^error: /, '');
}

async function main(argv: string[]): Promise<number> {
  const io: CliIo = { stdout: (t) => void process.stdout.write(t) };
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return EXIT_USAGE; // help shown because no command was given
      process.stderr.write(`qsdl: error: ${oneLine(e.message)} (see qsdl --help)\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError || e instanceof RangeError || e instanceof TypeError) {
      // The library's own TypeErrors say what was expected ("must be", "give …", "required", "applies to"); any other is a bug.
      if (e instanceof TypeError && !/must be|give |required|applies to/.test(e.message)) throw e;
      // RangeErrors of the engine itself (a stack overflow, an impossible allocation) are bugs, not bad input.
      if (e instanceof RangeError && /^(Maximum call stack|Invalid (typed )?array length|Invalid string length|Array buffer allocation failed)/.test(e.message)) throw e;
      process.stderr.write(`qsdl: error: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

// A reader that stops early (`qsdl … | head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`qsdl: error: cannot write to standard output: ${e.code ?? e.message}\n`);
  process.exit(EXIT_INTERNAL);
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`qsdl: internal error: ${oneLine(err.message)}${process.env.QSDL_DEBUG ? `\n${err.stack ?? ''}` : ' (set QSDL_DEBUG=1 for the stack)'}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
