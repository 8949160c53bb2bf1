import type { Command } from 'commander';
import { networkDataLeakShapes } from '../../bounds/networkDataLeakBound.js';
import { headlineReportText } from '../../render/headlineText.js';
import { headline } from '../../studies/headline.js';
import { headlineVerdict } from '../../studies/headlineVerdict.js';
import { PAPER_HEADLINE } from '../../studies/paperHeadline.js';
import { QSDL_VERSION } from '../../version.js';
import { verdictExit } from '../_internal/errors.js';
import { networkJson } from '../_internal/networkFlag.js';
import { readStudyFlags, runStudy, studyNetwork, studyOptions, type StudyFlags } from '../_internal/study.js';
import type { CliIo } from './common.js';

const C = PAPER_HEADLINE;

/** Register `qsdl headline`: the paper's headline claim checked on the full (μ, G) grid, per data model and accuracy source. @internal */
export function registerHeadline(program: Command, io: CliIo): void {
  studyOptions(
    program
      .command('headline')
      .description(`is there a (μ, G) with accuracy ≥ ${C.minAccuracyPercent} %, χ_W ≤ ${C.maxWeightBits} bit and data leakage ≤ ${C.maxDataBits} bit? For every data model and accuracy source, and qsdl's verdict (exit 0 holds, 3 fails, 4 unknown)`),
  )
    .option('--json', 'print the whole answer as JSON (regions with their μ interval at every gain, and the verdict)')
    .action(async (opts: StudyFlags & { json?: boolean }) => {
      const flags = readStudyFlags(opts);
      const net = await studyNetwork(flags);
      const study = await runStudy(flags, net);
      const h = headline(study.map);
      const verdict = headlineVerdict(study.map, undefined, networkDataLeakShapes(net.network));
      io.verdict(verdictExit(verdict.verdict));
      const snrs = study.sweep.rows.map((r) => r.snr);
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ preset: flags.preset.name, gains: study.map.gains.length, mus: study.map.mus.length, curvePoints: snrs.length, seed: flags.seed, ...networkJson(net), verdict, ...h, qsdlVersion: QSDL_VERSION })}\n`);
        return;
      }
      io.stdout(headlineReportText(h, verdict, { preset: flags.preset.name, map: study.map, curveSnrs: snrs, seed: flags.seed, cleanAccuracyPercent: net.provenance.cleanTestAccuracyPercent }, verdictExit(verdict.verdict)));
    });
}
