// Faults a trusted tool must survive without losing data: a full disk, a read-only folder,
// an interrupt while writing, a closed pipe, an output that is an input, links, FIFOs and
// devices as targets. Every case runs in a sandbox folder of its own (a device node is made
// there with mknod, never a path under /dev). See docs/cli.md#output-files.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holevoWeightLeak } from '../src/index.js';
import { BIN, runQsdl, snapshot, violations } from './_helpers/sandbox.js';
import { CAN_MKNOD, makeSandbox } from './_helpers/sandboxFiles.js';

const oneErrorLine = (stderr: string) => {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^qsdl: error: /);
  expect(stderr).not.toMatch(/\n\s+at /);
};

/** Files whose name marks a temporary or probe file of qsdl's. */
const strays = (dir: string) => readdirSync(dir).filter((n) => /qsdl-(tmp|probe)/.test(n));

describe('full disk and closed pipes', () => {
  it('standard output on a full disk (/dev/full): exit 74 with one line, never 70', () => {
    for (const args of [['leak', 'weight', '--mu', '4', '--gain', '2'], ['attack', 'list']]) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > /dev/full`], { encoding: 'utf8' });
      expect(r.status).toBe(74);
      expect(r.stderr).toMatch(/^qsdl: error: cannot write to standard output: no space left on the device\n$/);
    }
  });

  it('a reader that closes the pipe early gets no error from qsdl, with --output - as without', () => {
    const dir = makeSandbox();
    writeFileSync(join(dir, 'many.csv'), `mu\n${Array.from({ length: 200000 }, (_, i) => (i % 100) / 10).join('\n')}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" leak weight --input many.csv --excess-noise 0.01 --output - | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toBe('mu,bits\n');
    expect(r.stderr).toBe('');
  });
});

describe('read-only folders', () => {
  /** Run qsdl where permission bits bind: as `nobody` when this process is root (root ignores them), from a copy of the one-file bundle it can read. */
  function asUnprivileged(args: string[], cwd: string) {
    if (process.getuid?.() !== 0) return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    const bin = join(cwd, 'qsdl.mjs'); // the bundle runs on its own (its version is built in)
    copyFileSync(BIN, bin);
    chmodSync(cwd, 0o755);
    return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', uid: 65534, gid: 65534 });
  }

  it('--output into a read-only folder: exit 74 "permission denied", checked before the work, nothing written', () => {
    const dir = makeSandbox();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    chmodSync(join(dir, 'w.csv'), 0o644);
    const r = asUnprivileged(['leak', 'weight', '--input', 'w.csv', '--output', 'ro/out.csv'], dir);
    expect(r.status).toBe(74);
    oneErrorLine(r.stderr);
    expect(r.stderr).toMatch(/cannot write --output "ro\/out\.csv": folder ".*ro": permission denied/);
    expect(readdirSync(join(dir, 'ro'))).toEqual([]);
  });

  it('qsdl train --out a read-only folder fails in seconds, before loading MNIST or training', () => {
    const dir = makeSandbox();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    const start = Date.now();
    const r = asUnprivileged(['train', '--epochs', '1', '--out', 'ro'], dir);
    expect(r.status).toBe(74);
    oneErrorLine(r.stderr);
    expect(r.stderr).toMatch(/permission denied/);
    expect(Date.now() - start).toBeLessThan(10_000); // an epoch takes about 75 s
  });

  it('--output /proc/version: exit 74, the folder takes no new files (not "no such directory")', async () => {
    const dir = makeSandbox();
    const r = await runQsdl(['leak', 'weight', '--input', 'w.csv', '--output', '/proc/version'], dir);
    expect(r.code).toBe(74);
    oneErrorLine(r.stderr);
    expect(r.stderr).toMatch(/the folder "\/proc" does not take new files/);
  });
});

describe('targets that are not regular files, and outputs that are inputs', () => {
  const cases: [string, string[], RegExp][] = [
    ['the input itself', ['--input', 'w.csv', '--output', 'w.csv', '--no-echo'], /--output "w\.csv" is the same file as --input "w\.csv"/],
    ['the input by another path', ['--input', 'w.csv', '--output', './dir/../w.csv'], /is the same file as --input/],
    ['a hard link to the input', ['--input', 'w.csv', '--output', 'hard.csv'], /is the same file as --input/],
    ['a symbolic link to the input', ['--input', 'existing.csv', '--output', 'link.csv'], /is the same file as --input/],
    ['a FIFO', ['--input', 'w.csv', '--output', 'fifo'], /--output "fifo" is a FIFO \(named pipe\): qsdl writes only regular files/],
    ['a folder', ['--input', 'w.csv', '--output', 'dir'], /--output "dir" is a folder; give a file path/],
    ['a dangling symbolic link', ['--input', 'w.csv', '--output', 'dangling'], /is a symbolic link to a missing file/],
    ['a missing folder', ['--input', 'w.csv', '--output', 'no/such/x.csv'], /cannot write --output "no\/such\/x\.csv": folder ".*no\/such": no such file or folder/],
    ...(CAN_MKNOD ? [['a character device of our own (mknod c 1 3)', ['--input', 'w.csv', '--output', 'dev'], /--output "dev" is a character device: qsdl writes only regular files/] as [string, string[], RegExp]] : []),
  ];
  it.each(cases)('refused: %s (exit 2, one line, nothing changed, no stray file)', async (_name, args, message) => {
    const dir = makeSandbox();
    linkSync(join(dir, 'w.csv'), join(dir, 'hard.csv'));
    const before = snapshot(dir);
    const r = await runQsdl(['leak', 'weight', ...args], dir);
    expect(r.code).toBe(2);
    oneErrorLine(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(violations(r, before, snapshot(dir), [], dir)).toEqual([]);
  });

  it('the output is standard input\'s file (`--input - < out.csv --output out.csv`): refused', () => {
    const dir = makeSandbox();
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" leak weight --input - --output w.csv < w.csv`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--output "w\.csv" is the same file as --input "-"/);
    expect(readFileSync(join(dir, 'w.csv'), 'utf8')).toBe('mu,loss-db,excess-noise\n4,0,0.0025\n1,3,0\n');
  });

  it('a symbolic link to another file: its target is replaced whole, the link stays a link, the mode is kept', async () => {
    const dir = makeSandbox();
    chmodSync(join(dir, 'existing.csv'), 0o640);
    const r = await runQsdl(['leak', 'weight', '--input', 'w.csv', '--output', 'link.csv'], dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe('existing.csv');
    const out = readFileSync(join(dir, 'existing.csv'), 'utf8').split('\n');
    expect(out[0]).toBe('mu,loss-db,excess-noise,bits');
    expect(Number(out[1]?.split(',')[3])).toBe(holevoWeightLeak({ mu: 4, lossDb: 0, excessNoise: 0.0025 }));
    expect(lstatSync(join(dir, 'existing.csv')).mode & 0o777).toBe(0o640);
    expect(strays(dir)).toEqual([]);
  });

  it('a FIFO, a process substitution and an empty device are read to their end like files', () => {
    const dir = makeSandbox();
    const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
    const q = `"${process.execPath}" "${BIN}" leak weight --excess-noise 0.01`;
    const fifo = sh(`(printf 'mu\\n2\\n' > fifo &) ; ${q} --input fifo`);
    expect(fifo.status, fifo.stderr).toBe(0);
    expect(Number(fifo.stdout.split('\n')[1]?.split(',')[1])).toBe(holevoWeightLeak({ mu: 2, excessNoise: 0.01 }));
    const sub = sh(`${q} --input <(printf 'mu\\n2\\n')`);
    expect(sub.status, sub.stderr).toBe(0);
    expect(sub.stdout).toBe(fifo.stdout);
    const empty = sh(`${q} --input /dev/null`);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^qsdl: error: input CSV "\/dev\/null" is empty/);
  });

  it('--input - reads standard input', async () => {
    const dir = makeSandbox();
    const r = await runQsdl(['leak', 'weight', '--excess-noise', '0.01', '--input', '-'], dir, { stdin: 'mu\n3\n' });
    expect(r.code).toBe(0);
    const [head, row] = r.stdout.split('\n');
    expect(head).toBe('mu,bits');
    expect(Number(row?.split(',')[1])).toBe(holevoWeightLeak({ mu: 3, excessNoise: 0.01 }));
  });
});

describe('interrupts while writing', () => {
  /** Start a large batch, wait until its temporary file exists (the write phase), then send the signal. */
  async function interruptWhileWriting(signal: 'SIGINT' | 'SIGTERM') {
    const dir = makeSandbox();
    const rows = 3_000_000;
    writeFileSync(join(dir, 'big.csv'), `mu\n${'1.2345678901234567\n'.repeat(rows)}`);
    const child = spawn(process.execPath, [BIN, 'leak', 'weight', '--input', 'big.csv', '--excess-noise', '0.01', '--output', 'existing.csv'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
    let sent = false;
    const deadline = Date.now() + 60_000;
    while (!sent && Date.now() < deadline) {
      if (strays(dir).some((n) => n.includes('qsdl-tmp'))) {
        child.kill(signal);
        sent = true;
      } else await new Promise((r) => setTimeout(r, 1));
    }
    const end = await done;
    return { dir, sent, end, stderr };
  }

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s in the write phase: exit %i, the old file intact, the temporary file removed', async (signal, code) => {
    const { dir, sent, end, stderr } = await interruptWhileWriting(signal);
    expect(sent).toBe(true);
    // The handler may run after the last chunk: then the output is whole and renamed, also a correct outcome.
    const content = readFileSync(join(dir, 'existing.csv'), 'utf8');
    if (end.code === code) {
      expect(content).toBe('old content\n');
      expect(stderr).toMatch(new RegExp(`^qsdl: interrupted by ${signal}; the unfinished output was removed, nothing was written\\n$`));
    } else {
      expect(end.code).toBe(0);
      expect(content.split('\n')).toHaveLength(3_000_002);
    }
    expect(strays(dir)).toEqual([]);
  }, 120_000);

  it('SIGINT before any output exists ends qsdl at once, leaving nothing (not even the output folder it would create)', async () => {
    const dir = makeSandbox();
    const child = spawn(process.execPath, [BIN, 'maps', '--out-dir', 'new/maps', '--quiet'], { cwd: dir, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    const t = Date.now();
    child.kill('SIGINT');
    const end = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_c, s) => resolve(s)));
    expect(end).toBe('SIGINT');
    expect(Date.now() - t).toBeLessThan(2000);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(strays(dir)).toEqual([]);
  }, 30_000);
});

describe('training never clobbers a network', () => {
  it('qsdl train refuses to replace an existing network without --force (before loading MNIST)', async () => {
    const dir = makeSandbox();
    const before = snapshot(dir);
    const r = await runQsdl(['train', '--epochs', '1', '--out', 'trained'], dir);
    expect(r.code).toBe(2);
    oneErrorLine(r.stderr);
    expect(r.stderr).toMatch(/"trained\/mnist-784-784-10\.f32" exists; qsdl train never replaces a network unless you give --force/);
    expect(r.ms).toBeLessThan(10_000);
    expect(violations(r, before, snapshot(dir), [], dir)).toEqual([]);
  });

  it('its default folder is trained/, not the committed weights/', () => {
    const help = spawnSync(process.execPath, [BIN, 'train', '--help'], { encoding: 'utf8' }).stdout;
    expect(help).toMatch(/--out <DIR>[\s\S]*\(default: "trained"\)/);
  });
});
