// Runs the real built binary in a folder of its own and checks what every run must respect,
// whatever its arguments: an exit code from the documented set, one line of error (never a
// stack trace), no file created, changed or left behind except the outputs it was asked
// for, and those whole. Shared by the fuzz suites and the fault tests.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/qsdl.mjs', import.meta.url));

/** Exit codes of docs/cli.md#exit-codes a run may end with (70, a bug, and 134, an abort, never). */
export const DOCUMENTED_EXITS = new Set([0, 2, 3, 4, 74]);

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

/** Spawn qsdl with `args` in `cwd`; kill it after `timeoutMs` (a hang is then reported, not waited for). */
export function runQsdl(args: readonly string[], cwd: string, options: { timeoutMs?: number; stdin?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: options.env ?? { ...process.env, QSDL_DEBUG: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined); // qsdl may exit before reading its input
    child.stdin.end(options.stdin ?? '');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, ms: Date.now() - start });
    });
  });
}

/** Every entry under `dir`: relative path → kind and content hash (regular files), link target, or kind. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      const key = relative(dir, p);
      if (st.isDirectory()) {
        out.set(key, 'dir');
        walk(p);
      } else if (st.isFile()) out.set(key, `file ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      else if (st.isSymbolicLink()) out.set(key, `link ${readlinkSync(p)}`);
      else out.set(key, st.isFIFO() ? 'fifo' : st.isCharacterDevice() ? `chardev ${st.rdev}` : 'special');
    }
  };
  walk(dir);
  return out;
}

/** What changed between two snapshots: created, changed and removed paths. */
export function changes(before: Map<string, string>, after: Map<string, string>): { created: string[]; changed: string[]; removed: string[] } {
  const created = [...after.keys()].filter((k) => !before.has(k));
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  return { created, changed, removed };
}

/**
 * The invariants of one run, as a list of violations (empty: the run behaved). `allowed`
 * are the paths (relative to the sandbox) the run was asked to write: they may appear or
 * change only when it succeeded, and must then end in a newline (whole, not cut).
 */
export function violations(run: Run, before: Map<string, string>, after: Map<string, string>, allowed: readonly string[], dir: string): string[] {
  const v: string[] = [];
  if (run.timedOut) v.push(`no answer within the time bound (${run.ms} ms)`);
  if (run.signal !== null && !run.timedOut) v.push(`ended by signal ${run.signal}`);
  if (run.code !== null && !DOCUMENTED_EXITS.has(run.code)) v.push(`exit ${run.code}, not a documented code`);
  if (/^\s+at .+\(?.*:\d+:\d+\)?$/m.test(run.stderr) || /internal error/.test(run.stderr)) v.push('a stack trace or internal error on stderr');
  if (run.code === 2 || run.code === 74) {
    const lines = run.stderr.trimEnd().split('\n');
    const usage = run.code === 2 && /^Usage: qsdl/m.test(run.stderr); // help for a command group given no subcommand
    if (!usage && (lines.length !== 1 || !lines[0]?.startsWith('qsdl: error: '))) v.push(`error output is not one "qsdl: error:" line: ${JSON.stringify(run.stderr.slice(0, 300))}`);
  }
  const { created, changed, removed } = changes(before, after);
  if (removed.length > 0) v.push(`removed ${removed.join(', ')}`);
  for (const p of [...created, ...changed]) {
    if (!allowed.includes(p)) v.push(`${created.includes(p) ? 'created' : 'changed'} ${p}, which it was not asked to write`);
    else if (run.code !== 0) v.push(`${p} was written although the run failed (exit ${run.code})`);
    else if ((after.get(p) ?? '').startsWith('file ')) {
      const text = readFileSync(join(dir, p));
      if (text.length > 0 && text[text.length - 1] !== 0x0a && !p.endsWith('.f32')) v.push(`${p} does not end in a newline: cut short?`);
    }
  }
  return v;
}
