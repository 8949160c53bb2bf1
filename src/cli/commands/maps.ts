import { join } from 'node:path';
import type { Command } from 'commander';
import { accuracyLeakageMapCsv } from '../../render/accuracyLeakageMapCsv.js';
import { accuracyLeakageMapSvg } from '../../render/accuracyLeakageMapSvg.js';
import { accuracySweepCsv } from '../../render/accuracySweepCsv.js';
import { fmt } from '../../render/table.js';
import { headline } from '../../studies/headline.js';
import { PAPER_HEADLINE as C } from '../../studies/paperHeadline.js';
import { checkFolderFlag, commitOutputs, planOutput } from '../_internal/outputFile.js';
import { readStudyFlags, runStudy, studyNetwork, studyOptions, type StudyFlags } from '../_internal/study.js';
import type { CliIo } from './common.js';
import { describeValue } from '../../_internal/validate.js';

/** Register `qsdl maps`: the (μ, G) maps of accuracy, weight and data leakage as CSV plus an SVG contour plot. @internal */
export function registerMaps(program: Command, io: CliIo): void {
  studyOptions(
    program
      .command('maps')
      .description('the paper\'s accuracy/leakage contour figure on the full (μ, G) grid: CSV of accuracy (4 sources), χ_W and every data model, the accuracy curve used, and an SVG contour plot'),
  )
    .option('--out-dir <DIR>', 'folder for <preset>-map.csv, <preset>-map.svg and <preset>-curve.csv (created if missing; the three files are replaced together or not at all)', 'maps')
    .action(async (opts: StudyFlags & { outDir: string }) => {
      const flags = readStudyFlags(opts);
      const net = await studyNetwork(flags);
      checkFolderFlag('--out-dir', opts.outDir);
      const stem = join(opts.outDir, flags.preset.name);
      const names = [`${stem}-curve.csv`, `${stem}-map.csv`, `${stem}-map.svg`] as const;
      // Every target checked before the minutes of computation.
      const plans = names.map((p) => planOutput(p, { what: describeValue(p), inputs: net.identities, createFolder: true }));
      const study = await runStudy(flags, net);
      const op = flags.preset.operatingPoint;
      const svg = accuracyLeakageMapSvg(study.map, {
        title: `${flags.preset.name} ranges: MNIST accuracy and leakage over (μ, G), ${study.map.gains.length} × ${study.map.mus.length} grid (qsdl ${fmt(net.provenance.cleanTestAccuracyPercent)} % clean)`,
        marks: [{ mu: op.mu, gain: op.gain, label: `${flags.preset.name} point (μ = ${op.mu}, G = ${op.gain})` }],
      });
      const texts = [accuracySweepCsv(study.sweep, String), accuracyLeakageMapCsv(study.map, String), svg];
      await commitOutputs(plans.map((plan, i) => ({ plan, what: describeValue(names[i]), parts: [texts[i] as string] })));
      const region = headline(study.map).regions.find((r) => r.dataModel === 'corrected' && r.accuracySource === 'simulated');
      const where = region?.feasible === true ? `${region.points} points, μ ${fmt(region.muRange?.[0] as number)} … ${fmt(region.muRange?.[1] as number)}, G ${fmt(region.gainRange?.[0] as number)} … ${fmt(region.gainRange?.[1] as number)}` : 'empty';
      io.stdout(`${names.map((p) => `wrote ${p}`).join('\n')}\nregion with qsdl accuracy ≥ ${C.minAccuracyPercent} %, χ_W ≤ ${C.maxWeightBits}, corrected data ≤ ${C.maxDataBits}: ${where}\n(qsdl headline gives every data model and accuracy source, and qsdl's verdict)\n`);
    });
}
