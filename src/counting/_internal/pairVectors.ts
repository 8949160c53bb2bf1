import type { MnistSplit } from '../../data/loadMnist.js';
import type { BasisVectors } from './basisVectors.js';
import { uniformSource } from '../uniformSource.js';
import { InputRangeError } from '../../inputError.js';

/**
 * Interferometers of 50:50 beam splitters on disjoint pixel pairs (docs/model.md#server-capabilities,
 * proofs/interferometric-counting.md): pair q = (i, j) has the two outputs (e_i + e_j)/√2
 * (index 2q) and (e_i − e_j)/√2 (index 2q + 1), so a photon of the thermal mode along x̂
 * leaves port ± with probability (x̂_i ± x̂_j)²/2. The pairs cover all N pixels (N even).
 * @internal
 */
export interface PixelPairs {
  /** Pair q is (first[q], second[q]). */
  readonly first: Int32Array;
  readonly second: Int32Array;
}

/** The basis vectors (N × N, row-major) of a pairing. @internal */
export function pairVectors(pairs: PixelPairs, n: number): BasisVectors {
  const vectors = new Float64Array(n * n);
  const s = Math.SQRT1_2;
  for (let q = 0; q < pairs.first.length; q += 1) {
    const i = pairs.first[q]!;
    const j = pairs.second[q]!;
    vectors[2 * q * n + i] = s;
    vectors[2 * q * n + j] = s;
    vectors[(2 * q + 1) * n + i] = s;
    vectors[(2 * q + 1) * n + j] = -s;
  }
  return { directions: n, vectors };
}

/** Horizontal neighbours: (r, 2c) with (r, 2c + 1). Needs an even number of columns. @internal */
export function adjacentPairs(rows: number, cols: number): PixelPairs {
  const half = (rows * cols) / 2;
  const first = new Int32Array(half);
  const second = new Int32Array(half);
  let q = 0;
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c + 1 < cols; c += 2) {
      first[q] = r * cols + c;
      second[q] = r * cols + c + 1;
      q += 1;
    }
  }
  return { first, second };
}

/** Seed of the random pairing: a fixed interferometer the server builds once (any seed gives the same statistics). */
const RANDOM_PAIRS_SEED = 784;

/** A uniformly random perfect matching of the n pixels (Fisher–Yates with a fixed seed), consecutive entries paired. @internal */
export function randomPairs(n: number): PixelPairs {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const u = uniformSource(RANDOM_PAIRS_SEED);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(u() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const first = new Int32Array(n / 2);
  const second = new Int32Array(n / 2);
  for (let q = 0; q < n / 2; q += 1) {
    first[q] = order[2 * q]!;
    second[q] = order[2 * q + 1]!;
  }
  return { first, second };
}

/** Raw pixel value from which a pixel counts as ink: the midpoint of 0…255 (the pm1 zero crossing). @internal */
export const INK_THRESHOLD = 128;
/** Training images the fitted pairing is computed from (the first ones of the split). */
export const FITTED_TRAINING_IMAGES = 10000;

/** Binary entropy in bits, 0 at the ends. */
function h2(p: number): number {
  return p <= 0 || p >= 1 ? 0 : -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
}

/**
 * A pairing fitted on public training images to maximise what counting after the splitters
 * reads: under pm1 a pair's ports tell whether its two pixels have the same ink bit (port +)
 * or not (port −), so pair (i, j) is worth at most w_ij = h₂(P(ink_i ≠ ink_j)) bits, estimated
 * from the co-occurrence of ink over the first min(10 000, count) training images. Three
 * candidate matchings are scored by Σ w over their pairs, and the best is kept: greedy
 * (heaviest remaining pair first), reference (pixels ordered by their ink entropy h₂(P(ink));
 * the k-th most varying pixel paired with the k-th most constant, which then acts as a phase
 * reference and lets the ports reveal the varying pixel's ink bit outright), and the fixed
 * random matching. On MNIST the reference matching wins (greedy pairs varying pixels with each
 * other, which reads one bit per two varying pixels). Ties are broken by pixel index.
 * @internal
 */
export function fittedPairs(split: MnistSplit): PixelPairs {
  const n = split.rows * split.cols;
  const images = Math.min(FITTED_TRAINING_IMAGES, split.count);
  const freq = new Float64Array(n);
  const co = new Float64Array(n * n);
  const ink = new Int32Array(n);
  for (let m = 0; m < images; m += 1) {
    let c = 0;
    for (let j = 0; j < n; j += 1) if ((split.images[m * n + j] as number) >= INK_THRESHOLD) ink[c++] = j;
    for (let a = 0; a < c; a += 1) {
      const i = ink[a]!;
      freq[i] = freq[i]! + 1;
      for (let b = a + 1; b < c; b += 1) co[i * n + ink[b]!] = co[i * n + ink[b]!]! + 1;
    }
  }
  const weight = (i: number, j: number) => {
    const a = i < j ? i : j;
    const b = i < j ? j : i;
    return h2((freq[a]! + freq[b]! - 2 * co[a * n + b]!) / images);
  };
  const score = (p: PixelPairs) => p.first.reduce((s, i, q) => s + weight(i, p.second[q]!), 0);

  // Greedy matching: edges (i < j) heaviest first, ties by (i, j); typed arrays rather than 307 000
  // objects (about 4× faster, same order: edges are numbered in (i, j) order, and the sort is by
  // weight, then by that number).
  const edgeCount = (n * (n - 1)) / 2;
  const ends = new Int32Array(2 * edgeCount);
  const weights = new Float64Array(edgeCount);
  let e = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      ends[2 * e] = i;
      ends[2 * e + 1] = j;
      weights[e] = weight(i, j);
      e += 1;
    }
  }
  const byWeight = new Uint32Array(edgeCount);
  for (let k = 0; k < edgeCount; k += 1) byWeight[k] = k;
  byWeight.sort((a, b) => weights[b]! - weights[a]! || a - b);
  const used = new Uint8Array(n);
  const gFirst: number[] = [];
  const gSecond: number[] = [];
  for (const k of byWeight) {
    const i = ends[2 * k]!;
    const j = ends[2 * k + 1]!;
    if (used[i] || used[j]) continue;
    used[i] = 1;
    used[j] = 1;
    gFirst.push(i);
    gSecond.push(j);
    if (gFirst.length === n / 2) break;
  }
  const greedy: PixelPairs = { first: Int32Array.from(gFirst), second: Int32Array.from(gSecond) };

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => h2(freq[b]! / images) - h2(freq[a]! / images) || a - b);
  const reference: PixelPairs = { first: Int32Array.from(order.slice(0, n / 2)), second: Int32Array.from(order.slice(n / 2).reverse()) };

  const candidates = [reference, greedy, randomPairs(n)];
  let best = candidates[0]!;
  for (const c of candidates) if (score(c) > score(best)) best = c;
  return best;
}

/** The pairing bases. @internal */
export type PairBasisName = 'random-pairs' | 'adjacent-pairs' | 'fitted-pairs';

/** True for the names of {@link PairBasisName}. @internal */
export function isPairBasis(name: string): name is PairBasisName {
  return name === 'random-pairs' || name === 'adjacent-pairs' || name === 'fitted-pairs';
}

const fixedPairs = new Map<string, PixelPairs>();
const fittedCache = new WeakMap<MnistSplit, PixelPairs>();

/**
 * The pairing of a pair basis for images of the split's size (fitted on the split for
 * `fitted-pairs`), cached. Throws when the image cannot be split into pairs.
 * @internal
 */
export function pixelPairs(name: PairBasisName, split: MnistSplit): PixelPairs {
  const n = split.rows * split.cols;
  if (n % 2 !== 0 || (name === 'adjacent-pairs' && split.cols % 2 !== 0)) {
    throw new InputRangeError(`the ${name} interferometer needs an even number of ${name === 'adjacent-pairs' ? 'columns' : 'pixels'}; received images of ${split.rows} × ${split.cols}`);
  }
  if (name === 'fitted-pairs') {
    let p = fittedCache.get(split);
    if (p === undefined) {
      p = fittedPairs(split);
      fittedCache.set(split, p);
    }
    return p;
  }
  const key = `${name}/${split.rows}x${split.cols}`;
  let p = fixedPairs.get(key);
  if (p === undefined) {
    p = name === 'adjacent-pairs' ? adjacentPairs(split.rows, split.cols) : randomPairs(n);
    fixedPairs.set(key, p);
  }
  return p;
}
