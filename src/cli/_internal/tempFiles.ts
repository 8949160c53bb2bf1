import { rmdirSync, rmSync } from 'node:fs';
import { EXIT } from './errors.js';

/**
 * What exists only while qsdl writes its outputs — temporary files, and folders it
 * created for them — and what removes it: every error path (the writer's own `finally`),
 * the signals SIGINT, SIGTERM and SIGHUP, and process exit as a backstop. The signal
 * handlers are installed only while something is tracked: the rest of the time Ctrl-C
 * ends qsdl at once, as by default (a long synchronous computation would otherwise hold
 * the handler back until it ends). Track before creating: a signal between the two then
 * finds it tracked.
 * @internal
 */
const files = new Set<string>();
/** Folders qsdl created, removed (if empty) after the files, in reverse order of creation. */
const folders: string[] = [];

/** Exit status after each signal: 128 + its number, as a shell reports it. */
const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm, SIGHUP: 129 };

function removeAll(): number {
  const n = files.size;
  for (const p of files) rmSync(p, { force: true });
  files.clear();
  for (const d of folders.splice(0).reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // not empty (a file renamed into it) or gone: leave it
    }
  }
  return n;
}

function onSignal(signal: NodeJS.Signals): void {
  const removed = removeAll();
  process.stderr.write(`qsdl: interrupted by ${signal}${removed > 0 ? '; the unfinished output was removed, nothing was written' : ''}\n`);
  process.exit(SIGNAL_EXIT[signal as keyof typeof SIGNAL_EXIT] ?? EXIT.internal);
}

let installed = false;

function update(): void {
  const want = files.size + folders.length > 0;
  if (want === installed) return;
  installed = want;
  for (const s of Object.keys(SIGNAL_EXIT)) {
    if (want) process.on(s, onSignal);
    else process.off(s, onSignal);
  }
  if (want) process.on('exit', removeAll);
  else process.off('exit', removeAll);
}

/** Track a temporary file (before creating it) until {@link releaseTemp}: removed on a signal or at exit. @internal */
export function trackTemp(path: string): void {
  files.add(path);
  update();
}

/** Stop tracking `path` (renamed into place, or removed by its writer). @internal */
export function releaseTemp(path: string): void {
  files.delete(path);
  update();
}

/** Track folders just created for outputs (outermost first), removed when empty on a signal or failure, until {@link releaseFolders}. @internal */
export function trackFolders(created: readonly string[]): void {
  folders.push(...created);
  update();
}

/** Remove the tracked folders that are still empty, innermost first (a failed write), and stop tracking them. @internal */
export function removeEmptyFolders(): void {
  for (const d of folders.splice(0).reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // not empty or gone
    }
  }
  update();
}

/** Keep the tracked folders (the outputs are in place) and stop tracking them. @internal */
export function releaseFolders(): void {
  folders.length = 0;
  update();
}
