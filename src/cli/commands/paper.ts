import type { Command } from 'commander';
import { paperReportText } from '../../render/paperReportText.js';
import { combineVerdicts } from '../../studies/claimVerdict.js';
import { PAPER_HEADLINE } from '../../studies/paperHeadline.js';
import { paperOperatingPoints } from '../../studies/paperOperatingPoints.js';
import { QSDL_VERSION } from '../../version.js';
import { verdictExit } from '../_internal/errors.js';
import { loadMnistData, loadNetworkFlag, networkJson, networkOption } from '../_internal/networkFlag.js';
import { progressOn, withBarAsync } from '../_internal/progress.js';
import { quietOption, type CliIo } from './common.js';

/** Register `qsdl paper`: the paper's operating points, its claims beside the published codes' values and qsdl's, with a verdict. @internal */
export function registerPaper(program: Command, io: CliIo): void {
  const cmd = program
    .command('paper')
    .description('the paper\'s published operating points: its claims, the values of both published code versions and qsdl\'s own, and qsdl\'s verdict (exit 0 holds, 3 fails, 4 unknown; about 2 s: it runs the trained network on the MNIST test images)')
    .option('--json', 'print one JSON object');
  networkOption(cmd);
  quietOption(cmd);
  cmd.action(async (opts: { json?: boolean; network?: string; quiet?: boolean }) => {
    const net = await loadNetworkFlag(opts.network);
    const test = loadMnistData('test');
    const reports = await withBarAsync(progressOn(opts.quiet === true), 'paper: accuracy at both points [{bar}] {percentage}% | {value}/{total} images | eta {eta_formatted}', 2 * test.count, (bar) =>
      paperOperatingPoints(net.network, test, { onProgress: (done) => bar.update(done) }));
    const overall = combineVerdicts(reports.map((r) => r.verdicts.claim));
    io.verdict(verdictExit(overall));
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({ claims: PAPER_HEADLINE, units: { accuracy: 'percent', weight: 'bits per weight symbol', data: 'bits per data symbol' }, verdict: overall, operatingPoints: reports, ...networkJson(net), qsdlVersion: QSDL_VERSION }, null, 2)}\n`);
      return;
    }
    io.stdout(paperReportText(reports, { verdict: overall, exitCode: verdictExit(overall), networkSource: net.source }));
  });
}
