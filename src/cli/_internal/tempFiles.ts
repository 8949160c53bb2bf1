import { rmSync } from 'node:fs';
import { EXIT } from './errors.js';

/**
 * Temporary files that exist only while qsdl writes an output, and what removes them:
 * every error path (the writer's own `catch`), the signals SIGINT, SIGTERM and SIGHUP,
 * and process exit as a backstop. The signal handlers are installed only while a
 * temporary file exists: the rest of the time Ctrl-C ends qsdl at once, as by default
 * (a long synchronous computation would otherwise hold the handler back until it ends).
 * @internal
 */
const temps = new Set<string>();

/** Exit status after each signal: 128 + its number, as a shell reports it. */
const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm, SIGHUP: 129 };

function removeAll(): string[] {
  const removed = [...temps];
  for (const p of removed) rmSync(p, { force: true });
  temps.clear();
  return removed;
}

function onSignal(signal: NodeJS.Signals): void {
  const removed = removeAll();
  process.stderr.write(`qsdl: interrupted by ${signal}${removed.length > 0 ? '; the unfinished output was removed, nothing was written' : ''}\n`);
  process.exit(SIGNAL_EXIT[signal as keyof typeof SIGNAL_EXIT] ?? EXIT.internal);
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of Object.keys(SIGNAL_EXIT)) process.on(s, onSignal);
  process.on('exit', removeAll);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of Object.keys(SIGNAL_EXIT)) process.off(s, onSignal);
  process.off('exit', removeAll);
}

/** Track a temporary file until {@link releaseTemp}: removed on a signal or at exit. @internal */
export function trackTemp(path: string): void {
  temps.add(path);
  install();
}

/** Stop tracking `path` (renamed into place, or removed by its writer). @internal */
export function releaseTemp(path: string): void {
  temps.delete(path);
  if (temps.size === 0) uninstall();
}
