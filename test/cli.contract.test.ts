// What holds for every command of the CLI, checked on the real binary: a flag given twice is
// an error, a flag that does not apply is an error, progress appears on a terminal only and
// --quiet silences it, and the exit codes are the documented ones.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from './_helpers/sandbox.js';
import { ATTACKS } from '../src/index.js';

function qsdl(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const COMMANDS = [['leak', 'weight'], ['leak', 'data'], ['paper'], ['bounds'], ['train'], ['accuracy'], ['curve'], ['maps'], ['headline'], ['attack', 'list'], ['attack', 'table'], ['attack', 'run'], ['countermeasures']];

/** Each command's flags from its --help: name → takes a value. */
function flagsOf(command: readonly string[]): [string, boolean][] {
  const help = qsdl(...command, '--help').stdout;
  const flags = new Map<string, boolean>();
  for (const m of help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)( <[^>]+>)?/gm)) flags.set(m[1] as string, (flags.get(m[1] as string) ?? false) || m[2] !== undefined);
  flags.delete('--help');
  return [...flags.entries()];
}

describe('every command', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s: every flag given twice is an error naming it (exit 2, one line)', (_name, command) => {
    const flags = flagsOf(command);
    expect(flags.length).toBeGreaterThan(0);
    for (const [flag, takesValue] of flags) {
      const twice = takesValue ? [flag, 'x', flag, 'y'] : [flag, flag];
      const r = qsdl(...command, ...(command[1] === 'run' ? ['honest'] : []), ...twice);
      expect(r.code, `${command.join(' ')} ${twice.join(' ')}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^qsdl: error: ${flag} is given twice`));
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it.each([
    [['leak', 'weight', '--mu', '1', '--no-echo'], /--no-echo does not apply without --input FILE\.csv/],
    [['leak', 'data', '--gain', '2', '--output', 'x.csv'], /--output does not apply without --input FILE\.csv/],
    [['leak', 'weight', '--input', '-', '--json', '--no-echo'], /--no-echo does not apply with --json/],
    [['leak', 'weight', '--mu', '1', '--inputs', '10'], /inputs and active-fraction set ε only together with gain/],
    [['leak', 'data', '--gain', '2', '--model', 'counting', '--x', '0.1'], /x applies to the Cramér–Rao models/],
    [['countermeasures', '--no-accuracy', '--seed', '2'], /--seed does not apply with --no-accuracy/],
    [['countermeasures', '--no-accuracy', '--network', 'n.json'], /--network does not apply with --no-accuracy/],
    [['curve', '--preset', 'paper-2024', '--snr-max', '10'], /--snr-max does not apply with --preset paper-2024/],
    [['attack', 'run', 'honest', '--network', 'n.json'], /--network does not apply to honest: only layer-accumulation runs the client's network/],
    [['attack', 'run', 'honest', '--efficiency', '0.5'], /--efficiency does not apply to attack honest/],
    [['bounds', '--out', '-'], /--out must be a folder path; received "-"/],
  ])('a flag that does not apply is an error: qsdl %s', (args, message) => {
    const r = qsdl(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('defaults that depend on other flags are valid over the whole documented range: attack table at G = 4 and G = 1e6', () => {
    for (const gain of ['4', '1e6']) {
      const r = qsdl('attack', 'table', '--gain', gain, '--json');
      expect(r.code).toBe(0);
      const greedy = (JSON.parse(r.stdout) as { outcomes: { attack: string; details: { dx2Actual: number; dx2Declared: number } }[] }).outcomes.find((o) => o.attack === 'greedy-gain');
      expect(greedy?.details.dx2Actual).toBe(greedy?.details.dx2Declared); // above 2 + √2 the greedy client keeps G
    }
  });

  it('accuracy at G = 1 names --gain and its range (the homodyne gets no light), not a noise standard deviation', () => {
    const r = qsdl('accuracy', '--mu', '4', '--gain', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qsdl: error: --gain must be a number in (1, ∞); received 1\n');
  });

  it('counts have documented limits: beyond them one line and exit 2, never a heap abort', () => {
    for (const [args, message] of [
      [['curve', '--points', '1e9'], /--points must be an integer in \[2, 65536\]; received 1e9/],
      [['maps', '--gains', '1e6'], /--gains must be an integer in \[2, 65536\]; received 1e6/],
      [['maps', '--gains', '2048', '--mus', '1024'], /--gains × --mus = 2048 × 1024 = 2097152 map points, above the limit of 1048576/],
      [['train', '--epochs', '1e6'], /--epochs must be an integer in \[1, 1000\]; received 1e6/],
      [['attack', 'run', 'honest', '--inputs', '1e6'], /--inputs must be an integer in \[1, 100000\]; received 1e6/],
    ] as const) {
      const r = qsdl(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('found by an adversarial review: each case once exited 70, 1 or with the wrong code', () => {
  it.each([
    [['leak', 'data', '--gain', '2', '--model', 'paper-2025', '--active-fraction', '5e-324'], 0, /^$/],
    [['attack', 'run', 'displace-and-count', '--method', 'monte-carlo', '--images', '1'], 2, /images of attack displace-and-count must be at least 2 for method monte-carlo/],
    [['attack', 'run', 'displace-and-count', '--images', '5'], 2, /parameter images of attack displace-and-count applies only with method monte-carlo; received method analytic/],
    [['attack', 'run', 'honest', '--inputs', '1'], 0, /^$/],
    [['accuracy', '--mu', '5e-324', '--gain', '2'], 2, /--mu must be a number in \[1e-100, 1e12\]; received 5e-324/],
    [['countermeasures', '--no-accuracy', '--active-fraction', '1e-300'], 2, /--active-fraction × --inputs must be at least 1/],
    [['countermeasures', '--no-accuracy', '--quiet'], 2, /--quiet does not apply with --no-accuracy/],
    [['attack', 'run', 'honest', '--transmittance', '5e-324'], 2, /--transmittance must be a number in \[2\^−53 ≈ 1\.1e-16, 1\]/],
    [['leak', 'weight', '--mu', '4', '--gain', '2', '--active-fraction', '5e-324'], 2, /give ε = 2\(G − 1\)\/\(G·f·N\) = Infinity SNU, above the largest excess noise 1e6 SNU/],
    [['leak', 'weight'], 2, /give the light: --mu \(a number in \[0, 1e12\]\) or --modulation-variance/],
    [['help'], 0, /^$/],
    [['help', 'paper'], 0, /^$/],
    [['\u001b[2J'], 2, /^qsdl: error: unknown command '\\u001b\[2J'/],
  ])('qsdl %j exits %i', (args, code, stderr) => {
    const r = qsdl(...(args as string[]));
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('leak data shows the models that are not defined at a point as such, and still answers for the selected one', () => {
    const r = qsdl('leak', 'data', '--gain', '2', '--model', 'holevo-symmetric', '--inputs', '1', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { bits: number; otherModels: Record<string, number | null>; otherModelsNotDefined: Record<string, string> };
    expect(out.otherModels.corrected).toBeNull();
    expect(out.otherModelsNotDefined.corrected).toMatch(/normalised data value x .* must be a number in \[-1, 1\]/);
  });

  it('a closed standard error does not change the exit code; a removed current folder is exit 74, one line', () => {
    const closed = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" leak weight --mu NaN 2>&- ; echo $?`], { encoding: 'utf8' });
    expect(closed.stdout.trim()).toBe('2');
    const gone = spawnSync('bash', ['-c', `d=$(mktemp -d) && cd "$d" && rmdir "$d" && "${process.execPath}" "${BIN}" leak weight --mu 1`], { encoding: 'utf8' });
    expect(gone.status).toBe(74);
    expect(gone.stderr).toBe('qsdl: error: the current folder no longer exists (it was removed after this shell entered it); cd to an existing folder\n');
  });

  it('a /proc file (stat says 0 bytes) is read to its end', () => {
    const r = qsdl('leak', 'weight', '--input', '/proc/self/status');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown column "Name:/); // its first line, not "is empty"
  });
});

describe('progress on standard error', () => {
  /** Run under a pseudo-terminal (util-linux script), as a user at a terminal would; returns what the terminal showed. Asynchronous: each run takes seconds, and a blocked test worker misses vitest's calls. */
  async function onTerminal(args: string[]): Promise<string> {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const { stdout } = await promisify(execFile)('script', ['-qefc', `${command} >/dev/null`, '/dev/null'], { encoding: 'utf8' });
    return stdout;
  }

  it('a terminal sees a progress bar for a step of seconds; --quiet silences it; a pipe or file never gets one', async () => {
    expect(await onTerminal(['accuracy', '--mu', '4', '--gain', '2'])).toMatch(/accuracy \[.*\] \d+% \| \d+\/10000 images/);
    expect(await onTerminal(['accuracy', '--mu', '4', '--gain', '2', '--quiet'])).not.toMatch(/images/);
    expect(await onTerminal(['attack', 'table'])).toMatch(new RegExp(`attacks \\[.*\\] \\d+/${ATTACKS.length}`));
    const piped = qsdl('accuracy', '--mu', '4', '--gain', '2');
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  }, 120_000);
});

describe('exit codes', () => {
  it('docs/cli.md documents every exit code qsdl uses', () => {
    const doc = readFileSync(fileURLToPath(new URL('../docs/cli.md', import.meta.url)), 'utf8');
    const section = doc.slice(doc.indexOf('<a id="exit-codes"></a>'));
    expect(section.length).toBeGreaterThan(100);
    for (const code of [0, 2, 3, 4, 70, 74, 130, 143]) expect(section).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
