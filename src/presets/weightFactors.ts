import { oneOf } from '../_internal/validate.js';
import type { PresetName } from './paperPreset.js';

/**
 * The factor each preset applies to χ_W when it reports weight leakage (dimensionless):
 * paper-2024 reports χ_W, paper-2025 0.5·χ_W (see the presets' deviations). The presets
 * take their `weightFactor` from here; kept apart from them so that code needing only
 * the factor (`qsdl leak weight --preset`) does not load the data-leakage models the
 * presets carry.
 * @internal
 */
export const WEIGHT_FACTORS: Readonly<Record<PresetName, number>> = Object.freeze({
  'paper-2024': 1,
  'paper-2025': 0.5,
});

/**
 * A preset's name and weight factor, looked up by name as getPreset does (same names, same error).
 * @throws RangeError naming the allowed presets when the name is unknown
 * @internal
 * @example presetWeightFactor('paper-2025') // returns { name: 'paper-2025', weightFactor: 0.5 }
 */
export function presetWeightFactor(name: string): { readonly name: PresetName; readonly weightFactor: number } {
  const n = oneOf('preset', name, Object.keys(WEIGHT_FACTORS) as PresetName[]);
  return { name: n, weightFactor: WEIGHT_FACTORS[n] };
}
