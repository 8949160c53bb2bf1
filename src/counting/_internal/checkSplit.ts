import type { MnistSplit } from '../../data/loadMnist.js';
import { describeValue } from '../../_internal/validate.js';
import { InputRangeError, InputTypeError } from '../../inputError.js';

/**
 * Check that `split` looks like an {@link MnistSplit}: positive integer sizes, images of
 * count·rows·cols bytes, count labels that are digits 0–9. Throws TypeError / RangeError
 * naming `name`.
 * @internal
 */
export function checkSplit(name: string, split: unknown): MnistSplit {
  const s = split as MnistSplit;
  if (s === null || typeof s !== 'object' || !(s.images instanceof Uint8Array) || !(s.labels instanceof Uint8Array)) {
    throw new InputTypeError(`${name} must be an MNIST split (count, rows, cols, images: Uint8Array, labels: Uint8Array); received ${describeValue(split)}`);
  }
  for (const key of ['count', 'rows', 'cols'] as const) {
    const v = s[key];
    if (!Number.isInteger(v) || v < 1) throw new InputRangeError(`${name}.${key} must be an integer ≥ 1; received ${describeValue(v)}`);
  }
  if (s.images.length !== s.count * s.rows * s.cols) {
    throw new InputRangeError(`${name}.images must hold count·rows·cols = ${s.count * s.rows * s.cols} pixels; received ${s.images.length}`);
  }
  if (s.labels.length !== s.count) throw new InputRangeError(`${name}.labels must hold count = ${s.count} labels; received ${s.labels.length}`);
  const bad = s.labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new InputRangeError(`${name}.labels must be digits 0–9; received ${s.labels[bad]} at index ${bad}`);
  return s;
}
