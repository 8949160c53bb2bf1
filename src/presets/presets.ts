import { oneOf } from '../_internal/validate.js';
import { paper2024 } from './paper2024.js';
import { paper2025 } from './paper2025.js';
import type { PaperPreset, PresetName } from './paperPreset.js';

/** Every preset by name (one registry line per preset). @public */
export const PRESETS: Readonly<Record<PresetName, PaperPreset>> = Object.freeze({
  'paper-2024': paper2024,
  'paper-2025': paper2025,
});

/** The preset names, in registry order. @public */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/**
 * Look a preset up by name.
 * @throws RangeError naming the allowed presets when the name is unknown
 * @example getPreset('paper-2024').weightFactor // returns 1
 * @public
 */
export function getPreset(name: string): PaperPreset {
  return PRESETS[oneOf('preset', name, PRESET_NAMES)];
}
