import { getPreset } from '../../presets/presets.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import { presetFlag } from './common.js';

/** The preset named by --preset, or undefined (common.ts's weightPresetOf when the weight factor is all that is needed). @internal */
export function presetOf(value: unknown): PaperPreset | undefined {
  return presetFlag(value, getPreset);
}
