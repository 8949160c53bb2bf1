import type { MnistSplit } from '../../data/loadMnist.js';
import type { PixelEncoding } from '../../inference/encodePixels.js';
import type { CountingBasis, CountingBasisName } from '../countingBasis.js';
import { FITTED_TRAINING_IMAGES, pairVectors, pixelPairs } from './pairVectors.js';
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
  if (name === 'pixel' || name === 'dct' || name === 'random-pairs' || name === 'adjacent-pairs') {
    const key = `${name}/${encoding}/${rows}x${cols}`;
    let b = fixedCache.get(key);
    if (b === undefined) {
      const v = name === 'pixel' ? pixelVectors(rows * cols) : name === 'dct' ? dctVectors(rows, cols) : pairVectors(pixelPairs(name, training), rows * cols);
      b = assemble(name, encoding, rows, cols, v, 0);
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
    const v = name === 'pca' ? pcaVectors(training, encoding) : name === 'templates' ? templateVectors(training, encoding) : pairVectors(pixelPairs('fitted-pairs', training), rows * cols);
    b = assemble(name, encoding, rows, cols, v, name === 'fitted-pairs' ? Math.min(FITTED_TRAINING_IMAGES, training.count) : training.count);
    perSplit.set(key, b);
  }
  return b;
}

