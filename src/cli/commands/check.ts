import type { Command } from 'commander';
import { checkCertificates, type CertificateText } from '../../check/checkCertificates.js';
import { EXIT, UsageError } from '../_internal/errors.js';
import { readInput } from '../_internal/inputFile.js';
import { parseInDomain } from '../_internal/numericOption.js';
import { progressOn } from '../_internal/progress.js';
import { quietOption, type CliIo } from './common.js';

/** Largest certificate read (bytes): about 3 million boxes. */
const MAX_CERTIFICATE_BYTES = 512 * 1024 * 1024;

interface Opts { allowPartial?: boolean; workers?: string; json?: boolean; quiet?: boolean }

/** Register `qsdl check`: the independent certificate checker (docs/claims.md#checking). @internal */
export function registerCheck(program: Command, io: CliIo): void {
  const cmd = program
    .command('check')
    .argument('<FILES...>', 'certificates written by qsdl prove (the shards of one claim together)')
    .description('re-verify certificates without trusting the prover: hash, boxes tiling the region exactly once, and every decisive enclosure recomputed in decimal.js with directed rounding; exit 0 only if every box is confirmed, 3 if anything is not')
    .option('--allow-partial', 'accept a set of shards that does not cover the whole region (each given shard is still checked)')
    .option('--workers <N>', 'worker threads (1 … 8; default: the cores, at most 8)')
    .option('--json', 'print one JSON object');
  quietOption(cmd);
  cmd.action(async (paths: string[], opts: Opts) => {
    const workers = opts.workers === undefined ? undefined : parseInDomain('--workers', opts.workers, { min: 1, max: 8, integer: true, text: '{1, 2, …, 8}' });
    if (paths.length > 10_000) throw new UsageError(`at most 10000 certificates at once; received ${paths.length}`);
    const files: CertificateText[] = [];
    for (const p of paths) {
      const input = await readInput(p, `certificate ${JSON.stringify(p.slice(0, 120))}`, MAX_CERTIFICATE_BYTES, p !== '-');
      files.push({ name: p, text: input.bytes.toString('utf8') });
    }
    const bar = progressOn(opts.quiet === true).bar('check [{bar}] {percentage}% | {value}/{total} boxes', 1);
    let report;
    try {
      report = await checkCertificates(files, { allowPartial: opts.allowPartial === true, workers, onProgress: (done, total) => { bar.setTotal(total); bar.update(done); } });
    } finally {
      bar.stop();
    }
    io.verdict(report.ok ? EXIT.ok : EXIT.fails);
    if (opts.json === true) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    for (const p of report.problems) process.stderr.write(`qsdl: check: ${p}\n`);
    for (const c of report.claims) {
      const boxes = (k: number, what: string) => `${k} box${k === 1 ? '' : 'es'} ${what}`;
      io.stdout(`${report.ok ? 'CONFIRMED' : 'checked'} ${c.claim}: the claim ${c.verdict} (${c.complete ? 'boxes tile the whole region' : `shards ${c.shards} only`}: ${boxes(c.boxes.holds, 'hold')}, ${boxes(c.boxes.fails, 'fail')}, ${boxes(c.boxes.unknown, 'open')}; ${c.confirmed} decided re-verified) sha256 ${c.hashes.map((h) => `${h.slice(0, 16)}…`).join(' ')}\n`);
    }
    io.stdout(report.ok ? `every box confirmed (${Math.round(report.boxesPerSecond)} boxes/s)\n` : `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}: not confirmed\n`);
  });
}
