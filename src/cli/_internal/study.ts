import type { Command } from 'commander';
import { loadMnist } from '../../data/loadMnist.js';
import { getPreset, PRESET_NAMES } from '../../presets/presets.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import { accuracyLeakageStudy, type AccuracyLeakageStudy } from '../../reports/accuracyLeakageStudy.js';
import { integerAtLeast, seed32 } from '../../_internal/validate.js';
import { choice } from '../commands/common.js';
import { committedNetwork } from '../../inference/committedNetwork.js';
import { parseNumberText } from './numericOption.js';
import { progressBar } from './progress.js';

/** Flags shared by `qsdl maps` and `qsdl headline`. @internal */
export interface StudyFlags {
  preset: string;
  gains?: string;
  mus?: string;
  curvePoints: string;
  seed: string;
}

/** Declare the shared flags. @internal */
export function studyOptions(cmd: Command): Command {
  return cmd
    .option('--preset <name>', `whose map ranges: ${PRESET_NAMES.join(' or ')}`, 'paper-2024')
    .option('--gains <n>', 'gains on the map, log-spaced in G − 1 (default: the preset\'s 512)')
    .option('--mus <n>', 'μ values on the map, log-spaced (default: the preset\'s 512)')
    .option('--curve-points <n>', 'points of the simulated accuracy curve over the map\'s SNR range', '512')
    .option('--seed <S>', 'seed of the noise, an integer', '1');
}

/** Check the shared flags (before anything slow). @internal */
export function readStudyFlags(opts: StudyFlags): { preset: PaperPreset; gainPoints?: number; muPoints?: number; curvePoints: number; seed: number } {
  const preset = getPreset(choice('--preset', opts.preset, PRESET_NAMES));
  const count = (flag: string, text: string) => integerAtLeast(flag, parseNumberText(flag, text, 'in {2, 3, …}'), 2);
  return {
    preset,
    ...(opts.gains === undefined ? {} : { gainPoints: count('--gains', opts.gains) }),
    ...(opts.mus === undefined ? {} : { muPoints: count('--mus', opts.mus) }),
    curvePoints: count('--curve-points', opts.curvePoints),
    seed: seed32('--seed', parseNumberText('--seed', opts.seed, 'in [−2^31, 2^31)')),
  };
}

/** Run the study with a progress bar on stderr. @internal */
export function runStudy(flags: ReturnType<typeof readStudyFlags>): AccuracyLeakageStudy & { cleanAccuracy: number; networkCommand: string } {
  const { network, provenance } = committedNetwork();
  const test = loadMnist('test');
  const bar = progressBar('accuracy curve [{bar}] {percentage}% | {value}/{total} images | eta {eta_formatted}', test.count);
  let study: AccuracyLeakageStudy;
  try {
    study = accuracyLeakageStudy(network, test, flags.preset, { ...flags, onProgress: (done) => bar.update(done) });
  } finally {
    bar.stop(); // a running bar's timer would keep the process alive after an error
  }
  return { ...study, cleanAccuracy: provenance.cleanTestAccuracyPercent, networkCommand: provenance.command };
}
