import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { accuracyLeakageMapCsv } from '../../reports/accuracyLeakageMap.js';
import { accuracyLeakageMapSvg } from '../../reports/accuracyLeakageMapSvg.js';
import { accuracySweepCsv } from '../../reports/accuracySweep.js';
import { headline } from '../../reports/headline.js';
import { checkWritable, writeWhole } from '../_internal/batch.js';
import { CliError } from '../_internal/cliError.js';
import { readStudyFlags, runStudy, studyOptions, type StudyFlags } from '../_internal/study.js';
import { fmt } from '../_internal/table.js';
import type { CliIo } from './common.js';

/** Register `qsdl maps`: the (μ, G) maps of accuracy, weight and data leakage as CSV plus an SVG contour plot. @internal */
export function registerMaps(program: Command, io: CliIo): void {
  studyOptions(
    program
      .command('maps')
      .description('the paper\'s accuracy/leakage contour figure on the full (μ, G) grid: CSV of accuracy (4 sources), χ_W and every data model, the accuracy curve used, and an SVG contour plot'),
  )
    .option('--out-dir <DIR>', 'folder for <preset>-map.csv, <preset>-map.svg and <preset>-curve.csv (created if missing)', 'maps')
    .action((opts: StudyFlags & { outDir: string }) => {
      const flags = readStudyFlags(opts);
      try {
        mkdirSync(opts.outDir, { recursive: true });
      } catch (e) {
        throw new CliError(`cannot create folder ${JSON.stringify(opts.outDir)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      const stem = join(opts.outDir, flags.preset.name);
      checkWritable(`${stem}-map.csv`);
      const study = runStudy(flags);
      const op = flags.preset.operatingPoint;
      const svg = accuracyLeakageMapSvg(study.map, {
        title: `${flags.preset.name} ranges: MNIST accuracy and leakage over (μ, G), ${study.map.gains.length} × ${study.map.mus.length} grid (qsdl ${study.cleanAccuracy} % clean)`,
        marks: [{ mu: op.mu, gain: op.gain, label: `${flags.preset.name} point (μ = ${op.mu}, G = ${op.gain})` }],
      });
      const files: [string, string][] = [
        [`${stem}-curve.csv`, accuracySweepCsv(study.sweep, String)],
        [`${stem}-map.csv`, accuracyLeakageMapCsv(study.map, String)],
        [`${stem}-map.svg`, svg],
      ];
      for (const [path, text] of files) writeWhole(path, [text]);
      const region = headline(study.map).regions.find((r) => r.dataModel === 'corrected' && r.accuracySource === 'simulated');
      const where = region?.feasible === true ? `${region.points} points, μ ${fmt(region.muRange?.[0] as number)} … ${fmt(region.muRange?.[1] as number)}, G ${fmt(region.gainRange?.[0] as number)} … ${fmt(region.gainRange?.[1] as number)}` : 'empty';
      io.stdout(`${files.map(([p]) => `wrote ${p}`).join('\n')}\nregion with qsdl accuracy ≥ 96 %, χ_W ≤ 0.1, corrected data ≤ 0.01: ${where} (qsdl headline for every model and source)\n`);
    });
}
