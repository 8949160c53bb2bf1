import type { MnistSplit } from '../../data/loadMnist.js';
import type { PixelEncoding } from '../../inference/encodePixels.js';
import type { CountingBasis, CountingBasisName } from '../countingBasis.js';
import { dctVectors, pcaVectors, pixelVectors, templateVectors, type BasisVectors } from './basisVectors.js';

/** The cached basis object shared by the public functions; never handed out ({@link countingBasis} returns copies of its arrays), never modified. @internal */
export type SharedBasis = CountingBasis;

const fixedCache = new Map<string, SharedBasis>();
const trainedCache = new WeakMap<MnistSplit, Map<string, SharedBasis>>();

function assemble(name: CountingBasisName, encoding: PixelEncoding, rows: number, cols: number, v: BasisVectors, trainingImages: number): SharedBasis {
  const rest = v.directions < rows * cols;
  return { name, encoding, rows, cols, directions: v.directions, outputs: v.directions + (rest ? 1 : 0), rest, vectors: v.vectors, eigenvalues: v.eigenvalues, trainingImages };
}

/**
 * The cached basis behind {@link countingBasis} (validated arguments; not copied).
 * @internal
 */
export function sharedBasis(name: CountingBasisName, training: MnistSplit, encoding: PixelEncoding): SharedBasis {
  const { rows, cols } = training;
  if (name === 'pixel' || name === 'dct') {
    const key = `${name}/${encoding}/${rows}x${cols}`;
    let b = fixedCache.get(key);
    if (b === undefined) {
      b = assemble(name, encoding, rows, cols, name === 'pixel' ? pixelVectors(rows * cols) : dctVectors(rows, cols), 0);
      fixedCache.set(key, b);
    }
    return b;
  }
  let perSplit = trainedCache.get(training);
  if (perSplit === undefined) {
    perSplit = new Map();
    trainedCache.set(training, perSplit);
  }
  const key = `${name}/${encoding}`;
  let b = perSplit.get(key);
  if (b === undefined) {
    b = assemble(name, encoding, rows, cols, name === 'pca' ? pcaVectors(training, encoding) : templateVectors(training, encoding), training.count);
    perSplit.set(key, b);
  }
  return b;
}

