import { InputRangeError } from '../inputError.js';
import { thresholdBits, type LeakageClaim } from './claim.js';
import { DIMENSIONS, DIMENSION_NAMES, type Box, type DimensionName, type Point, type Range } from './dimensions.js';
import { claimQuantities, type ClaimQuantities, type ClaimQuantity } from './_internal/claimQuantities.js';
import { OpenBoxQueue, type Pending } from './_internal/openBoxQueue.js';

/** The verdict on one box: the whole box holds, the whole box fails, or neither is shown. @public */
export type BoxVerdict = 'holds' | 'fails' | 'unknown';

/** One leaf of the branch-and-bound: a box with its verdict and the enclosure that decides it. @public */
export interface DecidedBox {
  /**
   * How the box was cut out of the region: per bisection, the dimension's index in
   * {@link DIMENSION_NAMES} and 0 (lower half) or 1 (upper half), e.g. "0121" = lower
   * half in μ, then upper half in N.
   */
  readonly path: string;
  /** The box (every dimension). */
  readonly box: Box;
  /** The verdict on every point of the box. */
  readonly verdict: BoxVerdict;
  /**
   * `holds`: the upper quantity's corner (its largest point in the box); `fails`: the
   * lower quantity's corner (its smallest); `unknown`: the upper quantity's corner.
   */
  readonly at: Point;
  /** Enclosure [lo, hi] of the deciding quantity at `at` (bits per symbol). */
  readonly enclosure: readonly [number, number];
}

/** How a proof run went. @public */
export interface ProofRun {
  /** Every leaf, in path order. */
  readonly boxes: readonly DecidedBox[];
  /** Why splitting stopped: everything decided, the box budget, the time budget, or the smallest box width. */
  readonly stoppedBy: 'decided' | 'boxes' | 'seconds' | 'resolution';
  /** Boxes decided per second of wall clock. */
  readonly boxesPerSecond: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** Open boxes written to the spill file beyond the memory cap (0 when the cap was never reached; a box merged into a new run counts again). */
  readonly spilledBoxes: number;
}

/**
 * The default cap on open boxes kept in memory: 1 000 000, about 1 GB of heap (a run of the
 * 4-D audit region to 200 000 boxes held 186 MB of heap: about 0.9 kB per box). Beyond it
 * open boxes spill to disk.
 * @public
 */
export const DEFAULT_MEMORY_BOXES = 1_000_000;

/** Smallest allowed cap on open boxes in memory: below it nearly every split writes to disk and nothing is gained. @public */
export const MIN_MEMORY_BOXES = 16;

/** Options of {@link branchAndBound} (docs/claims.md#memory). @public */
export interface ProofOptions {
  /**
   * Most open (undecided, not yet split) boxes kept in memory, an integer in
   * [{@link MIN_MEMORY_BOXES}, 1e9]; beyond it the rest go to a temporary file in sorted
   * runs and come back in the same order, so the certificate does not depend on the cap.
   * Decided boxes and the final leaves stay in memory (they are the certificate).
   * @defaultValue {@link DEFAULT_MEMORY_BOXES}
   */
  readonly memoryBoxes?: number | undefined;
  /**
   * Where the spill file is created; it is removed from the folder as soon as it is open
   * and freed when the run ends, however it ends.
   * @defaultValue the system's temporary directory (`os.tmpdir()`, honouring TMPDIR)
   */
  readonly spillDirectory?: string | undefined;
}

/**
 * The cap on open boxes in memory, validated.
 * @throws InputRangeError unless an integer in [MIN_MEMORY_BOXES, 1e9]
 */
function memoryCap(options: ProofOptions): number {
  const m = options.memoryBoxes ?? DEFAULT_MEMORY_BOXES;
  if (!(Number.isInteger(m) && m >= MIN_MEMORY_BOXES && m <= 1e9)) throw new InputRangeError(`memoryBoxes must be an integer in [${MIN_MEMORY_BOXES}, 1e9]; received ${String(m)}`);
  return m;
}

/** Smallest box width, as a fraction of the region's width in a dimension (scaled): 2^-30 ≈ 1e-9. Below it a box stays undecided. */
const MIN_RELATIVE_WIDTH = 2 ** -30;

/**
 * Where branch-and-bound bisects a range: the geometric mean on log-scale dimensions, the
 * arithmetic mean otherwise (correctly rounded operations, so the same double everywhere; the
 * checker recomputes it with its own code).
 * @param dim - the dimension
 * @param r - its range
 * @returns the split point
 * @example bisectionPoint('mu', [1, 100]) // returns 10
 * @public
 */
export function bisectionPoint(dim: DimensionName, r: Range): number {
  const info = DIMENSIONS[DIMENSION_NAMES.indexOf(dim)]!;
  return info.scale === 'log' ? Math.sqrt(r[0] * r[1]) : r[0] + (r[1] - r[0]) / 2;
}

function scaledWidth(dim: DimensionName, r: Range): number {
  const info = DIMENSIONS[DIMENSION_NAMES.indexOf(dim)]!;
  return info.scale === 'log' ? Math.log(r[1] / r[0]) : r[1] - r[0];
}

/**
 * Every dimension the region varies must be one each deciding quantity is proved monotone
 * in, or one it does not depend on: a corner is the extreme point only then.
 * @throws InputRangeError naming the dimension
 */
function checkMonotoneDimensions(claim: LeakageClaim, qs: ClaimQuantities): void {
  for (const d of DIMENSION_NAMES) {
    if (!(claim.region[d][0] < claim.region[d][1])) continue;
    for (const q of qs.lower === null ? [qs.upper] : [qs.upper, qs.lower]) {
      if (q.directions[d] === undefined && !q.independent.includes(d)) throw new InputRangeError(`claim ${claim.id}: ${q.name} is not proven monotone in ${d}, so ${d} must be fixed (received [${claim.region[d][0]}, ${claim.region[d][1]}])`);
    }
  }
}

/** The corner of a box where a quantity is largest (`side` = 1) or smallest (−1), by its monotone directions. @internal */
export function corner(box: Box, q: ClaimQuantity, side: 1 | -1): Point {
  const p: Record<string, number> = {};
  for (const d of DIMENSION_NAMES) {
    const dir = q.directions[d] ?? 1; // fixed, or one the quantity does not depend on (checkMonotoneDimensions): any end will do
    p[d] = dir * side > 0 ? box[d][1] : box[d][0];
  }
  return p as Point;
}

/**
 * Relative margin the prover keeps to the threshold: a box holds only when the upper
 * enclosure is ≤ threshold·(1 − 1e-9), fails only when the lower one is > threshold·(1 + 1e-9).
 * The checker's decimal intervals are at least 1e-11 relative tight over the shipped
 * regions (src/check/_internal/decimalInterval.ts), so it confirms every decided box.
 */
const DECISION_MARGIN = 1e-9;

/** Decide one box, or say it is open. */
function decide(box: Box, qs: ClaimQuantities, thr: number): DecidedBox | { open: true; upperAt: Point; upperEnclosure: readonly [number, number] } {
  const upperAt = corner(box, qs.upper, 1);
  const u = qs.upper.at(upperAt);
  // An enclosure that is not finite (an input at the edge of float64) decides nothing.
  if (Number.isFinite(u[0]) && Number.isFinite(u[1]) && u[1] <= thr * (1 - DECISION_MARGIN)) return { path: '', box, verdict: 'holds', at: upperAt, enclosure: u };
  if (qs.lower !== null && qs.lower.appliesTo(box)) {
    const lowerAt = corner(box, qs.lower, -1);
    const l = qs.lower.at(lowerAt);
    if (Number.isFinite(l[0]) && Number.isFinite(l[1]) && l[0] > thr * (1 + DECISION_MARGIN)) return { path: '', box, verdict: 'fails', at: lowerAt, enclosure: l };
  }
  return { open: true, upperAt, upperEnclosure: u };
}

/** How much a quantity changes along one dimension across a box (bits; 0 if it does not depend on it). */
function variation(box: Box, q: ClaimQuantity, d: DimensionName): number {
  const dir = q.directions[d];
  if (dir === undefined) return 0;
  const top = corner(box, q, 1);
  const other = { ...top, [d]: dir > 0 ? box[d][0] : box[d][1] } as Point;
  return q.at(top)[1] - q.at(other)[0];
}

/**
 * The dimension to bisect: the one along which the deciding quantities change most
 * across the box (ties, e.g. where nothing changes, go to the widest dimension
 * relative to the region). Null when no dimension can be bisected any more.
 */
function splitDimension(box: Box, region: Box, qs: ClaimQuantities): DimensionName | null {
  let best: DimensionName | null = null;
  let bestKey = -Infinity;
  for (const d of DIMENSION_NAMES) {
    const r = box[d];
    if (!(r[0] < r[1])) continue;
    // A range narrower than 2^-40 of its value is a fixed value rounded outward (e.g. a loss in dB): not split.
    if (r[1] - r[0] <= 2 ** -40 * Math.abs(r[1])) continue;
    const rel = scaledWidth(d, r) / scaledWidth(d, region[d]);
    const mid = bisectionPoint(d, r);
    if (!(rel > MIN_RELATIVE_WIDTH) || !(mid > r[0] && mid < r[1])) continue;
    const score = Math.max(variation(box, qs.upper, d), qs.lower === null || qs.lower === qs.upper ? 0 : variation(box, qs.lower, d));
    const key = score > 0 ? score : rel - 2; // any variation beats none; among none, the widest
    if (key > bestKey) {
      bestKey = key;
      best = d;
    }
  }
  return best;
}

function volumeOf(box: Box, region: Box): number {
  let v = 1;
  for (const d of DIMENSION_NAMES) if (region[d][0] < region[d][1]) v *= scaledWidth(d, box[d]) / scaledWidth(d, region[d]);
  return v;
}

/** Bisect a box along a dimension (same rule as the checker). @internal */
export function bisect(box: Box, d: DimensionName): [Box, Box] {
  const mid = bisectionPoint(d, box[d]);
  return [
    { ...box, [d]: [box[d][0], mid] },
    { ...box, [d]: [mid, box[d][1]] },
  ];
}

/** The two halves of a box along the dimension {@link splitDimension} picks, with their paths; null when it cannot be split. */
function halves(path: string, box: Box, region: Box, qs: ClaimQuantities): { path: string; box: Box }[] | null {
  const d = splitDimension(box, region, qs);
  if (d === null) return null;
  const [lo, hi] = bisect(box, d);
  const idx = DIMENSION_NAMES.indexOf(d);
  return [{ path: `${path}${idx}0`, box: lo }, { path: `${path}${idx}1`, box: hi }];
}

/** The top-level boxes of a run split into `2^depth` roots (for shards). @internal */
export function rootBoxes(claim: LeakageClaim, depth: number): { path: string; box: Box }[] {
  const qs = claimQuantities(claim);
  let level: { path: string; box: Box }[] = [{ path: '', box: claim.region }];
  for (let i = 0; i < depth; i += 1) {
    const next: { path: string; box: Box }[] = [];
    for (const b of level) {
      next.push(...(halves(b.path, b.box, claim.region, qs) ?? [b]));
    }
    level = next;
  }
  return level;
}

/**
 * Branch-and-bound over boxes of a leakage claim's region (docs/claims.md#certified):
 * decide each box by its quantities' enclosures at the corners their proven monotonicity
 * names, bisect open boxes (largest first) along the dimension where the bound changes
 * most, and stop when everything is decided or a budget is spent; what is left is
 * `unknown`. Open boxes are split largest volume first, ties by path: a total order, so
 * the run is deterministic when the box budget, not the time budget, stops it, and does
 * not depend on `options.memoryBoxes` (open boxes beyond it wait on disk).
 * @param claim - a validated leakage claim
 * @param roots - the boxes to cover (default: the whole region)
 * @param onProgress - called now and then with (leaves so far, budget)
 * @param options - the cap on open boxes in memory and where to spill the rest
 * @returns the leaves in path order, and how the run went
 * @throws InputRangeError for a dimension not proven monotone, or a bad `memoryBoxes`
 * @public
 */
export function branchAndBound(claim: LeakageClaim, roots: readonly { path: string; box: Box }[] = [{ path: '', box: claim.region }], onProgress?: (leaves: number, budget: number) => void, options: ProofOptions = {}): ProofRun {
  const qs = claimQuantities(claim);
  checkMonotoneDimensions(claim, qs);
  const cap = memoryCap(options);
  const thr = thresholdBits(claim);
  const start = performance.now();
  const deadline = start + claim.budget.seconds * 1000;
  const done: DecidedBox[] = [];
  const open = new OpenBoxQueue(cap, options.spillDirectory);
  try {
    const stuck: Pending[] = [];
    const take = (path: string, box: Box) => {
      const r = decide(box, qs, thr);
      if ('open' in r) open.push({ path, box, volume: volumeOf(box, claim.region), upperAt: r.upperAt, upperEnclosure: r.upperEnclosure });
      else done.push({ ...r, path });
    };
    for (const r of roots) take(r.path, r.box);
    let stoppedBy: ProofRun['stoppedBy'] = 'decided';
    let tick = 0;
    while (open.size > 0) {
      if (done.length + open.size + stuck.length + 1 > claim.budget.boxes) {
        stoppedBy = 'boxes';
        break;
      }
      if ((tick += 1) % 256 === 0) {
        if (performance.now() > deadline) {
          stoppedBy = 'seconds';
          break;
        }
        onProgress?.(done.length + open.size + stuck.length, claim.budget.boxes);
      }
      const p = open.pop();
      const kids = halves(p.path, p.box, claim.region, qs);
      if (kids === null) {
        stuck.push(p);
        continue;
      }
      for (const k of kids) take(k.path, k.box);
    }
    if (stoppedBy === 'decided' && stuck.length > 0) stoppedBy = 'resolution';
    const spilledBoxes = open.spilledBoxes;
    for (const p of [...open.drain(), ...stuck]) done.push({ path: p.path, box: p.box, verdict: 'unknown', at: p.upperAt, enclosure: p.upperEnclosure });
    done.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const seconds = (performance.now() - start) / 1000;
    return { boxes: done, stoppedBy, seconds, boxesPerSecond: done.length / Math.max(seconds, 1e-9), spilledBoxes };
  } finally {
    open.close();
  }
}

/** The verdict of a whole claim from its boxes: any box fails → fails; all hold → holds; else unknown. @public */
export function regionVerdict(boxes: readonly { verdict: BoxVerdict }[]): BoxVerdict {
  if (boxes.some((b) => b.verdict === 'fails')) return 'fails';
  return boxes.every((b) => b.verdict === 'holds') ? 'holds' : 'unknown';
}

/** Volume fractions (in the scaled coordinates of the bisection) of the region that hold, fail and stay open. @public */
export function verdictVolumes(claim: LeakageClaim, boxes: readonly DecidedBox[]): Readonly<Record<BoxVerdict, number>> {
  const out = { holds: 0, fails: 0, unknown: 0 };
  for (const b of boxes) out[b.verdict] += volumeOf(b.box, claim.region);
  return out;
}

export type { ClaimQuantities };

/**
 * The box a bisection path cuts out of a region (each step "d b": halve dimension d of
 * {@link DIMENSION_NAMES} at {@link bisectionPoint}, keep the lower (0) or upper (1) half).
 * @param region - the region
 * @param path - a box path from a certificate
 * @returns the box
 * @throws InputRangeError for a malformed path
 * @public
 */
export function boxFromPath(region: Box, path: string): Box {
  if (!/^([0-9][01])*$/.test(path)) throw new InputRangeError(`box path must be pairs of a dimension index and 0 or 1; received ${JSON.stringify(path.slice(0, 40))}`);
  let box = region;
  for (let i = 0; i < path.length; i += 2) {
    const d = DIMENSION_NAMES[path.charCodeAt(i) - 48];
    if (d === undefined) throw new InputRangeError(`box path names dimension ${path[i]}, which does not exist`);
    box = bisect(box, d)[path[i + 1] === '1' ? 1 : 0];
  }
  return box;
}
