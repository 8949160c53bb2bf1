import type { Command } from 'commander';
import { PRESET_NAMES, getPreset } from '../../presets/presets.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import { accuracyLeakageStudy, type AccuracyLeakageStudy } from '../../studies/accuracyLeakageStudy.js';
import { choice, numberFlag, quietOption, seedFlag, seedOption } from '../commands/common.js';
import { UsageError } from './errors.js';
import { loadMnistData, loadNetworkFlag, networkOption, type LoadedNetwork } from './networkFlag.js';
import type { Domain } from './numericOption.js';
import { progressOn } from './progress.js';

/**
 * Limits of the (μ, G) study (docs/cli.md#limits), from memory: a map point costs about
 * 1.7 kB while it is built and written (a 1024 × 1024 map peaked at 1.8 GB and wrote a
 * 306 MB CSV), and one curve point about 2.3 ms of the sweep (8192 points took 23 s).
 * @internal
 */
export const STUDY_LIMITS = Object.freeze({ axisPoints: 65536, mapPoints: 2 ** 20, curvePoints: 65536 });

const AXIS: Domain = { min: 2, max: STUDY_LIMITS.axisPoints, integer: true };
const CURVE: Domain = { min: 2, max: STUDY_LIMITS.curvePoints, integer: true };

/** Flags shared by `qsdl maps` and `qsdl headline`. @internal */
export interface StudyFlags {
  preset: string;
  gains?: string;
  mus?: string;
  curvePoints?: string;
  seed?: string;
  network?: string;
  quiet?: boolean;
}

/** Declare the shared flags. @internal */
export function studyOptions(cmd: Command): Command {
  cmd
    .option('--preset <name>', `whose map ranges: ${PRESET_NAMES.join(' or ')}`, 'paper-2024')
    .option('--gains <n>', `gains on the map, log-spaced in G − 1, an integer in [2, ${AXIS.max}] (default: the preset's 512)`)
    .option('--mus <n>', `μ values on the map, log-spaced, an integer in [2, ${AXIS.max}] (default: the preset's 512); gains × μ values at most ${STUDY_LIMITS.mapPoints}`)
    .option('--curve-points <n>', `points of the simulated accuracy curve over the map's SNR range, an integer in [2, ${CURVE.max}] (default 512)`);
  seedOption(cmd, 'the noise');
  networkOption(cmd);
  return quietOption(cmd);
}

/** The checked shared flags. @internal */
export interface StudyRequest {
  readonly preset: PaperPreset;
  readonly gainPoints?: number;
  readonly muPoints?: number;
  readonly curvePoints: number;
  readonly seed: number;
  readonly quiet: boolean;
  readonly network?: string;
}

/** Check the shared flags (before anything slow). @internal */
export function readStudyFlags(opts: StudyFlags): StudyRequest {
  const preset = getPreset(choice('--preset', opts.preset, PRESET_NAMES));
  const gainPoints = opts.gains === undefined ? undefined : numberFlag('--gains', opts.gains, AXIS, 0);
  const muPoints = opts.mus === undefined ? undefined : numberFlag('--mus', opts.mus, AXIS, 0);
  const grid = preset.mapGrid();
  const total = (gainPoints ?? grid.gains.length) * (muPoints ?? grid.mus.length);
  if (total > STUDY_LIMITS.mapPoints) throw new UsageError(`--gains × --mus = ${gainPoints ?? grid.gains.length} × ${muPoints ?? grid.mus.length} = ${total} map points, above the limit of ${STUDY_LIMITS.mapPoints} (about 1.8 GB of memory at the limit)`);
  return {
    preset,
    ...(gainPoints === undefined ? {} : { gainPoints }),
    ...(muPoints === undefined ? {} : { muPoints }),
    curvePoints: numberFlag('--curve-points', opts.curvePoints, CURVE, 512),
    seed: seedFlag(opts.seed),
    quiet: opts.quiet === true,
    ...(opts.network === undefined ? {} : { network: opts.network }),
  };
}

/** Load the network named by the flags (before anything slow). @internal */
export function studyNetwork(flags: StudyRequest): Promise<LoadedNetwork> {
  return loadNetworkFlag(flags.network);
}

/** Run the study with progress bars on stderr (the curve over the images, then the map over the gains). @internal */
export async function runStudy(flags: StudyRequest, net: LoadedNetwork): Promise<AccuracyLeakageStudy> {
  const test = loadMnistData('test');
  const progress = progressOn(flags.quiet);
  const curve = progress.bar('accuracy curve [{bar}] {percentage}% | {value}/{total} images | eta {eta_formatted}', test.count);
  let map: ReturnType<typeof progress.bar> | undefined;
  try {
    return await accuracyLeakageStudy(net.network, test, flags.preset, {
      ...flags,
      onProgress: (done) => curve.update(done),
      onMapProgress: (done, total) => {
        if (map === undefined) {
          curve.stop();
          map = progress.bar('map [{bar}] {percentage}% | {value}/{total} gains | eta {eta_formatted}', total);
        }
        map.update(done);
      },
    });
  } finally {
    curve.stop(); // a running bar's timer would keep the process alive after an error
    map?.stop();
  }
}
