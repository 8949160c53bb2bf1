import { closeSync, existsSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { errnoCode, errnoText } from './errnoText.js';
import { IoError, UsageError } from './errors.js';
import { fileKind, type FileIdentity } from './fileIdentity.js';
import { releaseFolders, releaseTemp, removeEmptyFolders, trackFolders, trackTemp } from './tempFiles.js';

/**
 * An output file qsdl has checked and may write (docs/cli.md#output-files):
 * - only regular files are written; a folder, device, FIFO or socket is refused (standard
 *   output is the way to feed a pipe or a device);
 * - a symbolic link is followed: its target (an existing regular file) is replaced, the
 *   link stays;
 * - a file that is also an input of the command (same device and inode) is refused;
 * - the folder must take a new file (checked by creating and removing one), before any
 *   long computation;
 * - the content goes to a temporary file beside the target, then one rename puts it in
 *   place: readers see the old file or the whole new one, never a part. The temporary
 *   file is removed on every error and on SIGINT, SIGTERM and SIGHUP.
 * @internal
 */
export interface OutputPlan {
  /** The path as the user gave it (for messages). */
  readonly shown: string;
  /** The file that is written: the path, or a symbolic link's resolved target. */
  readonly path: string;
  /** Permission bits of the file it replaces, kept; undefined for a new file. */
  readonly mode: number | undefined;
  /** True when its folder does not exist yet and is created at commit. */
  readonly createFolder: boolean;
}

/** How a plan treats an existing file. */
export interface OutputOptions {
  /** How messages name it: `--output "x.csv"`, `map CSV "maps/paper-2024-map.csv"`. */
  readonly what: string;
  /** Files the command reads; the output must be none of them. */
  readonly inputs?: readonly FileIdentity[];
  /** When set, an existing file is refused with this hint (e.g. "give --force to replace it"). */
  readonly refuseExisting?: string;
  /** The folder may be missing: it is created when the outputs are written (never before, so a failed or interrupted run leaves none). */
  readonly createFolder?: boolean;
}

const q = (s: string) => JSON.stringify(s);

function lstatOrUndefined(path: string, what: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw fileError(e, `cannot write ${what}`);
  }
}

/** A failed file operation as a UsageError (the path is wrong) or an IoError (the system refused). @internal */
export function fileError(e: unknown, context: string): Error {
  const code = errnoCode(e);
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  const usage = code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST' || code === 'ELOOP' || code === 'ENAMETOOLONG';
  return new (usage ? UsageError : IoError)(`${context}: ${errnoText(e)}`);
}

/**
 * Check an output path (see {@link OutputPlan}) and return where to write. Throws a
 * UsageError for a target qsdl will not write, an IoError when the folder takes no file.
 * @internal
 */
export function planOutput(given: string, options: OutputOptions): OutputPlan {
  const { what } = options;
  if (given === '') throw new UsageError(`${what} must be a file path; received ""`);
  if (given.endsWith('/')) throw new UsageError(`${what} ends in '/', a folder; give a file path`);
  let path = resolve(given);
  let st = lstatOrUndefined(path, what);
  if (st?.isSymbolicLink() === true) {
    try {
      path = realpathSync(path);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') throw new UsageError(`${what} is a symbolic link to a missing file; qsdl writes through a link only to an existing regular file: give the target's path`);
      throw fileError(e, `cannot write ${what}`);
    }
    st = statSync(path);
  }
  if (st !== undefined) {
    if (st.isDirectory()) throw new UsageError(`${what} is a folder; give a file path`);
    if (!st.isFile()) throw new UsageError(`${what} is a ${fileKind(st)}: qsdl writes only regular files (to feed a pipe or a device, leave the output flag out and redirect standard output)`);
    const same = options.inputs?.find((i) => i.dev === st?.dev && i.ino === st.ino);
    if (same !== undefined) throw new UsageError(`${what} is the same file as ${same.what}: writing it would destroy the input; choose another output`);
    if (options.refuseExisting !== undefined) throw new UsageError(`${what} exists; ${options.refuseExisting}`);
  }
  const dir = dirname(path);
  // The folder, or with createFolder the nearest existing folder above it, must take a new file.
  let existing = dir;
  for (;;) {
    let dirStat: Stats | undefined;
    try {
      dirStat = statSync(existing);
    } catch (e) {
      if (!(options.createFolder === true && errnoCode(e) === 'ENOENT')) throw fileError(e, `cannot write ${what}: folder ${q(existing)}`);
    }
    if (dirStat !== undefined) {
      if (!dirStat.isDirectory()) throw new UsageError(`cannot write ${what}: ${q(existing)} is not a folder`);
      break;
    }
    existing = dirname(existing);
  }
  probeFolder(existing, what);
  return { shown: given, path, mode: st === undefined ? undefined : st.mode & 0o7777, createFolder: existing !== dir };
}

/** Create and remove a file in `dir`: the one reliable test that a file can be written there. */
function probeFolder(dir: string, what: string): void {
  const probe = join(dir, `.qsdl-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (e) {
    rmSync(probe, { force: true });
    // The folder exists (checked), so ENOENT means it takes no new file: /proc, /sys.
    if (errnoCode(e) === 'ENOENT') throw new IoError(`cannot write ${what}: the folder ${q(dir)} does not take new files (a virtual file system such as /proc?)`);
    throw new IoError(`cannot write ${what}: folder ${q(dir)}: ${errnoText(e)}`);
  }
}

/** A new temporary name beside `path` (its base name cut so the whole stays within NAME_MAX = 255 bytes). */
function tempPath(path: string): string {
  const base = basename(path);
  const short = Buffer.byteLength(base) > 200 ? base.slice(0, 100) : base;
  return join(dirname(path), `${short}.qsdl-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Bytes per write call: large enough to be fast, small enough that a signal is handled within a few milliseconds. */
const CHUNK_BYTES = 1 << 22;

/** Create the folders the plans need (tracked, so that a failure or a signal removes them again if empty). */
function createFolders(files: readonly { readonly plan: OutputPlan; readonly what: string }[]): void {
  for (const f of files) {
    if (!f.plan.createFolder) continue;
    const dir = dirname(f.plan.path);
    // Outermost missing folder first: mkdir -p, each one tracked before it exists.
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
    for (const d of missing) {
      trackFolders([d]);
      try {
        mkdirSync(d);
      } catch (e) {
        if (errnoCode(e) !== 'EEXIST') throw fileError(e, `cannot write ${f.what}: cannot create folder ${q(d)}`);
      }
    }
  }
}

/**
 * Write several planned outputs whole: each to a temporary file (flushed to disk), then
 * all renamed into place in one synchronous step, so that a signal either leaves every
 * target as it was or finds every one written. Folders the plans need are created here,
 * and removed again if the writing fails. Errors remove the temporary files and name the
 * output (IoError for a full disk and the like).
 * @internal
 */
export async function commitOutputs(files: readonly { readonly plan: OutputPlan; readonly what: string; readonly parts: readonly (string | Buffer)[] }[]): Promise<void> {
  const temps: string[] = [];
  const pending = new Set<string>();
  let done = false;
  try {
    createFolders(files);
    for (const f of files) {
      const tmp = tempPath(f.plan.path);
      // Tracked first, created synchronously: a signal finds it tracked from the moment it exists.
      trackTemp(tmp);
      temps.push(tmp);
      pending.add(tmp);
      try {
        closeSync(openSync(tmp, 'wx', f.plan.mode ?? 0o666));
      } catch (e) {
        throw fileError(e, `cannot write ${f.what}`);
      }
      const handle = await open(tmp, 'r+').catch((e: unknown) => {
        throw fileError(e, `cannot write ${f.what}`);
      });
      try {
        for (const part of f.parts) {
          const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
          for (let o = 0; o < bytes.length; o += CHUNK_BYTES) await handle.write(bytes.subarray(o, Math.min(o + CHUNK_BYTES, bytes.length)));
        }
        if (f.plan.mode !== undefined) await handle.chmod(f.plan.mode); // the umask would narrow it
        await handle.sync();
      } catch (e) {
        throw fileError(e, `cannot write ${f.what}`);
      } finally {
        await handle.close();
      }
    }
    files.forEach((f) => recheck(f.plan, f.what));
    files.forEach((f, i) => {
      try {
        renameSync(temps[i] as string, f.plan.path);
      } catch (e) {
        throw fileError(e, `cannot write ${f.what}`);
      }
      pending.delete(temps[i] as string);
      releaseTemp(temps[i] as string);
    });
    done = true;
  } finally {
    for (const tmp of pending) {
      rmSync(tmp, { force: true });
      releaseTemp(tmp);
    }
    if (done) releaseFolders();
    else removeEmptyFolders();
  }
}

/** The target may have changed during a long computation: it must still be absent or a regular file. */
function recheck(plan: OutputPlan, what: string): void {
  let st: Stats;
  try {
    st = lstatSync(plan.path);
  } catch {
    return; // absent: fine
  }
  if (!st.isFile()) throw new UsageError(`${what} became a ${fileKind(st)} while qsdl was computing; nothing was written`);
}

/** One planned output written whole (see {@link commitOutputs}). @internal */
export function commitOutput(plan: OutputPlan, what: string, parts: readonly (string | Buffer)[]): Promise<void> {
  return commitOutputs([{ plan, what, parts }]);
}

/**
 * Check a flag that names an output folder (bounds --out, maps --out-dir, train --out):
 * `-` and `""` are refused (`-` means standard output for a file, and a command that
 * writes several files has none), and so is an existing path that is not a folder. The
 * folder itself is created only when the outputs are written (planOutput with
 * createFolder), so a failed or interrupted run leaves none behind.
 * @internal
 */
export function checkFolderFlag(flag: string, path: string): void {
  if (path === '' || path === '-') throw new UsageError(`${flag} must be a folder path; received ${JSON.stringify(path)} (a command that writes several files cannot write them to standard output)`);
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return;
    throw fileError(e, `cannot use folder ${flag} ${q(path)}`);
  }
  if (!st.isDirectory()) throw new UsageError(`${flag} ${q(path)} is a ${fileKind(st)}, not a folder`);
}
