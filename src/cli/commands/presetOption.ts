import { getPreset } from '../../presets/presets.js';
import type { PaperPreset } from '../../presets/paperPreset.js';
import { UsageError } from '../_internal/errors.js';

/** The preset named by --preset, or undefined. @internal */
export function presetOf(value: unknown): PaperPreset | undefined {
  if (value === undefined) return undefined;
  try {
    return getPreset(String(value));
  } catch (e) {
    throw new UsageError(`--${(e as Error).message}`);
  }
}
