import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr (stdout stays clean for data): redrawn in place on a terminal,
 * a line every 10 s otherwise (CI logs). `payload` names extra fields of `format`.
 * @internal
 */
export function progressBar(format: string, total: number, payload: Record<string, string> = {}): { update: (value: number, payload?: Record<string, string>) => void; stop: () => void } {
  const bar = new SingleBar({ format, stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 }, Presets.shades_classic);
  bar.start(total, 0, payload);
  return { update: (v, p) => bar.update(v, p ?? {}), stop: () => bar.stop() };
}
