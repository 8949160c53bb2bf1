// cli-progress (and the text-width packages it brings) is loaded only when standard error is a
// terminal, the one case that shows a bar: loading it cost every command about 8 ms of start-up.
// It is CommonJS: its exports are the default export (named ones are not all detected, Presets among them).
const cliProgress = process.stderr.isTTY === true ? (await import('cli-progress')).default : undefined;

/** One progress bar (a no-op when progress is off). @internal */
export interface ProgressBar {
  update(value: number, payload?: Record<string, string>): void;
  /** Change the total (known only once a step has started, e.g. the rows of a file). */
  setTotal(total: number): void;
  stop(): void;
}

/** Where a command reports progress: bars on stderr, or nothing. @internal */
export interface Progress {
  /** A bar for a step of `total` units; `format` is cli-progress's (`{bar}`, `{value}`, `{total}`, `{eta_formatted}`, payload fields). */
  bar(format: string, total: number, payload?: Record<string, string>): ProgressBar;
  /** A one-line note for a step that cannot report its progress (one synchronous computation): shown until `stop`, then erased. */
  note(text: string): ProgressBar;
}

const OFF: ProgressBar = { update: () => undefined, setTotal: () => undefined, stop: () => undefined };

/**
 * Progress bars on stderr when it is a terminal and `--quiet` was not given; nothing
 * otherwise (a log file or a pipe gets no redraw sequences, and stdout always stays clean
 * for data). The cursor is not hidden: a Ctrl-C that ends qsdl at once must not leave
 * the terminal without one.
 * @internal
 */
export function progressOn(quiet: boolean): Progress {
  const on = !quiet && process.stderr.isTTY === true;
  return {
    bar(format, total, payload = {}) {
      if (!on || cliProgress === undefined) return OFF;
      const bar = new cliProgress.SingleBar({ format, stream: process.stderr, hideCursor: false, clearOnComplete: false }, cliProgress.Presets.shades_classic);
      bar.start(total, 0, payload);
      return { update: (v, p) => bar.update(v, p ?? {}), setTotal: (t) => bar.setTotal(t), stop: () => bar.stop() };
    },
    note(text) {
      if (!on) return OFF;
      process.stderr.write(`qsdl: ${text}…`);
      return { update: () => undefined, setTotal: () => undefined, stop: () => void process.stderr.write('\r\x1b[2K') };
    },
  };
}

/** Run `work` with a bar that is always stopped (a running bar's timer would keep the process alive after an error). @internal */
export function withBar<T>(progress: Progress, format: string, total: number, work: (bar: ProgressBar) => T): T {
  const bar = progress.bar(format, total);
  try {
    return work(bar);
  } finally {
    bar.stop();
  }
}

/** {@link withBar} for asynchronous work (e.g. worker threads): the bar is stopped when the work settles. @internal */
export async function withBarAsync<T>(progress: Progress, format: string, total: number, work: (bar: ProgressBar) => Promise<T>): Promise<T> {
  const bar = progress.bar(format, total);
  try {
    return await work(bar);
  } finally {
    bar.stop();
  }
}
