import { positive } from '../_internal/validate.js';
import { DATA_LEAK_MODELS, type DataLeakModel } from '../bounds/dataLeak.js';
import { ACCURACY_SOURCES, type AccuracyLeakageMap, type AccuracyLeakageMapRow, type AccuracySource } from './accuracyLeakageMap.js';
import { PAPER_HEADLINE, type HeadlineCriteria } from './paperHeadline.js';

/** A map point with its margins to the criteria. @public */
export interface HeadlinePoint {
  /** Gain G. */
  readonly gain: number;
  /** μ (photons per weight symbol). */
  readonly mu: number;
  /** Accuracy (percent) from the source. */
  readonly accuracyPercent: number;
  /** χ_W (bits per weight symbol). */
  readonly weightBits: number;
  /** Data leakage (bits per data symbol) under the model. */
  readonly dataBits: number;
  /** accuracy − minimum (percentage points; ≥ 0 meets it). */
  readonly accuracyMargin: number;
  /** maximum − χ_W (bits; ≥ 0 meets it). */
  readonly weightMargin: number;
  /** maximum − data leakage (bits; ≥ 0 meets it). */
  readonly dataMargin: number;
  /**
   * The smallest of the three relative margins 1 − value/limit, where the values are the
   * error rate 100 − accuracy (limit 100 − minimum), χ_W and the data leakage (≥ 0: all met).
   */
  readonly worstRelativeMargin: number;
}

/** The μ interval of the region at one gain. @public */
export interface GainSlice {
  /** Gain G. */
  readonly gain: number;
  /** Smallest μ of the region at this gain. */
  readonly muMin: number;
  /** Largest μ of the region at this gain. */
  readonly muMax: number;
}

/** The verdict for one (data model, accuracy source). @public */
export interface HeadlineRegion {
  /** Data-leakage model. */
  readonly dataModel: DataLeakModel;
  /** Accuracy source. */
  readonly accuracySource: AccuracySource;
  /** Whether some grid point meets all three criteria. */
  readonly feasible: boolean;
  /** Grid points that meet them. */
  readonly points: number;
  /** Grid points where the source has no accuracy (outside its data; counted as not meeting them). */
  readonly noData: number;
  /** [min, max] of μ over the region, or null. */
  readonly muRange: readonly [number, number] | null;
  /** [min, max] of G over the region, or null. */
  readonly gainRange: readonly [number, number] | null;
  /** At every gain with region points: its μ interval (gain increasing). */
  readonly slices: readonly GainSlice[];
  /** The point with the largest worst relative margin: inside the region if feasible, the nearest miss otherwise. */
  readonly best: HeadlinePoint | null;
  /** Grid edges the region touches ('μ min', 'μ max', 'G min', 'G max'): there it may go on beyond the grid. With no region: the edges the nearest miss lies on. */
  readonly edges: readonly string[];
}

/** Where the simulated accuracy and another source disagree, for one data model. @public */
export interface HeadlineDisagreement {
  /** Data-leakage model. */
  readonly dataModel: DataLeakModel;
  /** The source compared with `simulated`. */
  readonly accuracySource: AccuracySource;
  /** The feasibility verdicts differ. */
  readonly verdictDiffers: boolean;
  /** Points in the source's region but not in the simulated one. */
  readonly onlyInSource: number;
  /** Points in the simulated region but not in the source's. */
  readonly onlyInSimulated: number;
}

/** The headline answer over a map. @public */
export interface Headline {
  /** The thresholds. */
  readonly criteria: HeadlineCriteria;
  /** Grid points in all. */
  readonly totalPoints: number;
  /** One entry per (data model, accuracy source), data model outermost. */
  readonly regions: readonly HeadlineRegion[];
  /** One entry per (data model, source ≠ simulated). */
  readonly disagreements: readonly HeadlineDisagreement[];
}

function pointOf(r: AccuracyLeakageMapRow, acc: number, data: number, c: HeadlineCriteria): HeadlinePoint {
  const accuracyMargin = acc - c.minAccuracyPercent;
  const weightMargin = c.maxWeightBits - r.weightBits;
  const dataMargin = c.maxDataBits - data;
  const worst = Math.min(accuracyMargin / (100 - c.minAccuracyPercent), weightMargin / c.maxWeightBits, dataMargin / c.maxDataBits);
  return { gain: r.gain, mu: r.mu, accuracyPercent: acc, weightBits: r.weightBits, dataBits: data, accuracyMargin, weightMargin, dataMargin, worstRelativeMargin: Number.isNaN(worst) ? -Infinity : worst };
}

/**
 * The paper's headline checked over a map: for every data model and accuracy source,
 * is there a (μ, G) with accuracy ≥ 96 %, χ_W ≤ 0.1 bit and data leakage ≤ 0.01 bit
 * (or other {@link HeadlineCriteria}), and where — the μ and G ranges, the μ interval at
 * every gain, the grid edges it touches, the point with the largest margin (or, if none,
 * the nearest miss with its margins) — and where the sources disagree with qsdl's
 * simulation. The verdict is over the grid: a region that touches an edge may go on
 * beyond it, and a "no" holds for the grid's ranges only.
 *
 * @param map - from {@link accuracyLeakageMap}
 * @param criteria - thresholds @defaultValue {@link PAPER_HEADLINE}
 * @returns regions and disagreements
 * @throws RangeError for non-positive thresholds
 * @public
 */
export function headline(map: AccuracyLeakageMap, criteria: HeadlineCriteria = PAPER_HEADLINE): Headline {
  positive('minimum accuracy (percent)', criteria.minAccuracyPercent);
  positive('maximum weight leakage (bits)', criteria.maxWeightBits);
  positive('maximum data leakage (bits)', criteria.maxDataBits);
  const inside = new Map<string, Uint8Array>();
  const muLo = map.mus.reduce((a, b) => Math.min(a, b), Infinity);
  const muHi = map.mus.reduce((a, b) => Math.max(a, b), -Infinity);
  const gainLo = map.gains.reduce((a, b) => Math.min(a, b), Infinity);
  const gainHi = map.gains.reduce((a, b) => Math.max(a, b), -Infinity);
  const regions: HeadlineRegion[] = [];
  for (const dataModel of DATA_LEAK_MODELS) {
    for (const accuracySource of ACCURACY_SOURCES) {
      const mask = new Uint8Array(map.rows.length);
      let points = 0;
      let noData = 0;
      let best: HeadlinePoint | null = null;
      let mu: [number, number] | null = null;
      let gain: [number, number] | null = null;
      const slices = new Map<number, GainSlice>();
      map.rows.forEach((r, i) => {
        const acc = r.accuracyPercent[accuracySource];
        if (Number.isNaN(acc)) noData += 1;
        const p = pointOf(r, acc, r.dataBits[dataModel], criteria);
        if (best === null || p.worstRelativeMargin > best.worstRelativeMargin) best = p;
        if (!(p.accuracyMargin >= 0 && p.weightMargin >= 0 && p.dataMargin >= 0)) return;
        mask[i] = 1;
        points += 1;
        mu = mu === null ? [r.mu, r.mu] : [Math.min(mu[0], r.mu), Math.max(mu[1], r.mu)];
        gain = gain === null ? [r.gain, r.gain] : [Math.min(gain[0], r.gain), Math.max(gain[1], r.gain)];
        const s = slices.get(r.gain);
        slices.set(r.gain, s === undefined ? { gain: r.gain, muMin: r.mu, muMax: r.mu } : { gain: r.gain, muMin: Math.min(s.muMin, r.mu), muMax: Math.max(s.muMax, r.mu) });
      });
      inside.set(`${dataModel}/${accuracySource}`, mask);
      const m = mu as [number, number] | null;
      const g = gain as [number, number] | null;
      const b = best as HeadlinePoint | null;
      const box: [number, number, number, number] | null = m !== null && g !== null ? [m[0], m[1], g[0], g[1]] : b === null ? null : [b.mu, b.mu, b.gain, b.gain];
      const edges = box === null ? [] : [
        ...(box[0] <= muLo ? ['μ min'] : []), ...(box[1] >= muHi ? ['μ max'] : []),
        ...(box[2] <= gainLo ? ['G min'] : []), ...(box[3] >= gainHi ? ['G max'] : []),
      ];
      regions.push({ dataModel, accuracySource, feasible: points > 0, points, noData, muRange: mu, gainRange: gain, slices: [...slices.values()].sort((a, b) => a.gain - b.gain), best, edges });
    }
  }
  const disagreements: HeadlineDisagreement[] = [];
  for (const dataModel of DATA_LEAK_MODELS) {
    const sim = inside.get(`${dataModel}/simulated`) as Uint8Array;
    for (const accuracySource of ACCURACY_SOURCES.filter((s) => s !== 'simulated')) {
      const other = inside.get(`${dataModel}/${accuracySource}`) as Uint8Array;
      let onlyInSource = 0;
      let onlyInSimulated = 0;
      for (let i = 0; i < sim.length; i += 1) {
        if (other[i] === 1 && sim[i] === 0) onlyInSource += 1;
        if (sim[i] === 1 && other[i] === 0) onlyInSimulated += 1;
      }
      const a = regions.find((r) => r.dataModel === dataModel && r.accuracySource === 'simulated');
      const b = regions.find((r) => r.dataModel === dataModel && r.accuracySource === accuracySource);
      disagreements.push({ dataModel, accuracySource, verdictDiffers: a?.feasible !== b?.feasible, onlyInSource, onlyInSimulated });
    }
  }
  return { criteria, totalPoints: map.rows.length, regions, disagreements };
}
