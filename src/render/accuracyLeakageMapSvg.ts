import { contours } from 'd3-contour';
import { geoPath, geoTransform } from 'd3-geo';
import { DATA_LEAK_MODELS, type DataLeakModel } from '../bounds/dataLeak.js';
import { InputRangeError } from '../inputError.js';
import type { AccuracyLeakageMap, AccuracyLeakageMapRow, AccuracySource } from '../studies/accuracyLeakageMap.js';
import { PAPER_HEADLINE, type HeadlineCriteria } from '../studies/paperHeadline.js';

/** A point marked on the map (an operating point). @public */
export interface MapMark {
  /** Mean photon number per weight symbol μ (photons). */
  readonly mu: number;
  /** Client gain G ≥ 1. */
  readonly gain: number;
  /** Text written beside the mark. */
  readonly label: string;
}

/** Options of {@link accuracyLeakageMapSvg}. @public */
export interface MapSvgOptions {
  /** Title line. */
  readonly title: string;
  /** Thresholds drawn. @defaultValue {@link PAPER_HEADLINE} */
  readonly criteria?: HeadlineCriteria;
  /** Points to mark, e.g. the paper's operating point. */
  readonly marks?: readonly MapMark[];
}

const WIDTH = 1060;
const HEIGHT = 600;
const PLOT = { left: 80, top: 50, width: 600, height: 480 } as const;

/** Escape text for SVG. */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number rounded for SVG coordinates (0.01 px). */
function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Grid coordinate u ∈ [0, n] (value i sits at i + ½, as d3-contour has it) → the axis value, interpolated in `axis` (values at indices 0…n−1). */
function along(axis: readonly number[], u: number): number {
  const t = Math.min(axis.length - 1, Math.max(0, u - 0.5));
  const i = Math.min(axis.length - 2, Math.floor(t));
  const a = axis[i] as number;
  const b = axis[i + 1] as number;
  return a + (t - i) * (b - a);
}

/**
 * The accuracy/leakage map as an SVG contour plot (the paper's contour figure, on the full
 * grid): x = μ (log), y = G (log of G − 1). Drawn: the region where qsdl's simulated
 * accuracy ≥ 96 %, χ_W ≤ 0.1 and the corrected data leakage ≤ 0.01 (shaded); the 96 %
 * accuracy contour of each source (qsdl simulated; the authors' logistic and raw curve
 * at F = √SNR as their maps read them; their raw curve at the same noise, F = 4·SNR);
 * qsdl's 50 % and 90 % accuracy; χ_W = 0.1 (and 0.01, 1); the 0.01-bit line of every
 * data model; marks. Contours come from d3-contour (marching squares, linear
 * interpolation between grid points).
 *
 * @param map - from {@link accuracyLeakageMap}; needs at least 2 gains and 2 μ values, all G > 1 and μ > 0
 * @param options - title, thresholds, marks
 * @returns the SVG document (text)
 * @throws RangeError for a grid the log axes cannot show
 * @public
 */
export function accuracyLeakageMapSvg(map: AccuracyLeakageMap, options: MapSvgOptions): string {
  const c = options.criteria ?? PAPER_HEADLINE;
  const nx = map.mus.length;
  const ny = map.gains.length;
  if (nx < 2 || ny < 2) throw new InputRangeError(`a map plot needs at least 2 μ and 2 gains; received ${nx} × ${ny}`);
  if (!map.mus.every((m) => m > 0) || !map.gains.every((g) => g > 1)) throw new InputRangeError('a map plot needs μ > 0 and G > 1 on its logarithmic axes');
  const lx = map.mus.map(Math.log10);
  const ly = map.gains.map((g) => Math.log10(g - 1));
  const [x0, x1] = [Math.min(...lx), Math.max(...lx)];
  const [y0, y1] = [Math.min(...ly), Math.max(...ly)];
  const X = (l: number) => PLOT.left + ((l - x0) / (x1 - x0)) * PLOT.width;
  const Y = (l: number) => PLOT.top + PLOT.height - ((l - y0) / (y1 - y0)) * PLOT.height;
  const path = geoPath(
    geoTransform({
      point(u: number, v: number) {
        this.stream.point(X(along(lx, u)), Y(along(ly, v)));
      },
    }),
  );
  const field = (f: (r: AccuracyLeakageMapRow) => number) => Float64Array.from(map.rows, f);
  // A contour line: the rings of d3-contour's polygons without the segments that touch the grid's border
  // (u = 0 or nx, v = 0 or ny; the grid values sit at half-integers): those close the polygon around the
  // grid's edge, they are not part of the level set.
  const border = (p: number[]) => p[0] === 0 || p[0] === nx || p[1] === 0 || p[1] === ny;
  const onBorder = (p: number[], q: number[]) => border(p) || border(q);
  const line = (values: Float64Array, level: number, style: string) => {
    const parts: string[] = [];
    for (const polygon of contours().size([nx, ny]).contour(Array.from(values), level).coordinates) {
      for (const ring of polygon) {
        let pen = false;
        for (let k = 1; k < ring.length; k += 1) {
          const p = ring[k - 1] as number[];
          const q = ring[k] as number[];
          if (onBorder(p, q)) {
            pen = false;
            continue;
          }
          if (!pen) parts.push(`M${px(X(along(lx, p[0] as number)))},${px(Y(along(ly, p[1] as number)))}`);
          parts.push(`L${px(X(along(lx, q[0] as number)))},${px(Y(along(ly, q[1] as number)))}`);
          pen = true;
        }
      }
    }
    return parts.length === 0 ? '' : `<path d="${parts.join('')}" fill="none" ${style} clip-path="url(#plot)"/>`;
  };
  const acc = (s: AccuracySource) => field((r) => r.accuracyPercent[s]);
  const region = field((r) => (r.accuracyPercent.simulated >= c.minAccuracyPercent && r.weightBits <= c.maxWeightBits && r.dataBits.corrected <= c.maxDataBits ? 1 : 0));
  const regionPath = path(contours().size([nx, ny]).contour(Array.from(region), 0.5)) ?? '';
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<title>${esc(options.title)}</title>`);
  out.push(`<defs><clipPath id="plot"><rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}"/></clipPath></defs>`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  out.push(`<text x="${PLOT.left}" y="28" font-size="15">${esc(options.title)}</text>`);
  if (regionPath !== '') out.push(`<path d="${regionPath}" fill="#b8e6b8" stroke="none" clip-path="url(#plot)"/>`);
  // Axes: decades of μ; gains at round values.
  out.push(`<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}" fill="none" stroke="black"/>`);
  for (let k = Math.ceil(x0); k <= Math.floor(x1); k += 1) {
    out.push(`<line x1="${px(X(k))}" x2="${px(X(k))}" y1="${PLOT.top + PLOT.height}" y2="${PLOT.top + PLOT.height + 6}" stroke="black"/><text x="${px(X(k))}" y="${PLOT.top + PLOT.height + 20}" text-anchor="middle">10${superscript(k)}</text>`);
  }
  for (const g of [1.01, 1.02, 1.05, 1.1, 1.2, 1.3, 1.5, 2, 2.5, 3, 3.5]) {
    const l = Math.log10(g - 1);
    if (l < y0 || l > y1) continue;
    out.push(`<line x1="${PLOT.left - 6}" x2="${PLOT.left}" y1="${px(Y(l))}" y2="${px(Y(l))}" stroke="black"/><text x="${PLOT.left - 9}" y="${px(Y(l) + 4)}" text-anchor="end">${g}</text>`);
  }
  out.push(`<text x="${PLOT.left + PLOT.width / 2}" y="${HEIGHT - 22}" text-anchor="middle">μ (mean photons per weight symbol)</text>`);
  out.push(`<text transform="translate(22 ${PLOT.top + PLOT.height / 2}) rotate(-90)" text-anchor="middle">client gain G (axis: log of G − 1)</text>`);
  const styles: [string, string, string][] = [];
  const add = (values: Float64Array, level: number, style: string, label: string) => {
    const l = line(values, level, style);
    if (l !== '') out.push(l);
    styles.push([style, label, l === '' ? ' (not on this map)' : '']);
  };
  const simulated = acc('simulated');
  add(simulated, 50, 'stroke="#9aa0a6" stroke-width="1"', 'qsdl simulated accuracy 50 %');
  add(simulated, 90, 'stroke="#5f6368" stroke-width="1"', 'qsdl simulated accuracy 90 %');
  add(simulated, c.minAccuracyPercent, 'stroke="#1a56db" stroke-width="2.5"', `qsdl simulated accuracy ${c.minAccuracyPercent} %`);
  add(acc('paper-raw-same-noise'), c.minAccuracyPercent, 'stroke="#1a56db" stroke-width="1.5" stroke-dasharray="2 3"', `authors' raw curve at F = 4·SNR, ${c.minAccuracyPercent} %`);
  add(acc('paper-fit'), c.minAccuracyPercent, 'stroke="#0e9f6e" stroke-width="2.5" stroke-dasharray="8 4"', `authors' logistic at F = √SNR (their maps), ${c.minAccuracyPercent} %`);
  add(acc('paper-raw'), c.minAccuracyPercent, 'stroke="#0e9f6e" stroke-width="1.5" stroke-dasharray="2 3"', `authors' raw curve at F = √SNR, ${c.minAccuracyPercent} %`);
  const weight = field((r) => r.weightBits);
  add(weight, c.maxWeightBits, 'stroke="#e02424" stroke-width="2.5"', `χ_W = ${c.maxWeightBits} bit per weight`);
  add(weight, c.maxWeightBits / 10, 'stroke="#e02424" stroke-width="1" stroke-dasharray="4 3"', `χ_W = ${c.maxWeightBits / 10} bit`);
  add(weight, c.maxWeightBits * 10, 'stroke="#e02424" stroke-width="1" stroke-dasharray="1 3"', `χ_W = ${c.maxWeightBits * 10} bit`);
  // Published homodyne models in purple; the docs/model.md#server-capabilities models (what a server can really do) in orange.
  const dataStyle: Record<DataLeakModel, string> = {
    corrected: 'stroke="#7e3af2" stroke-width="2"',
    'paper-2024': 'stroke="#7e3af2" stroke-width="2" stroke-dasharray="8 4"',
    'paper-2025': 'stroke="#7e3af2" stroke-width="2" stroke-dasharray="2 3"',
    qfi: 'stroke="#d97706" stroke-width="2" stroke-dasharray="1 3"',
    counting: 'stroke="#d97706" stroke-width="2"',
    'holevo-subadditive': 'stroke="#d97706" stroke-width="2" stroke-dasharray="8 4"',
    'holevo-symmetric': 'stroke="#d97706" stroke-width="2" stroke-dasharray="4 2"',
  };
  for (const m of DATA_LEAK_MODELS) add(field((r) => r.dataBits[m]), c.maxDataBits, dataStyle[m], `data leakage ${c.maxDataBits} bit (${m})`);
  for (const m of options.marks ?? []) {
    if (!(m.mu > 0 && m.gain > 1)) continue;
    const xm = X(Math.log10(m.mu));
    const ym = Y(Math.log10(m.gain - 1));
    if (xm < PLOT.left || xm > PLOT.left + PLOT.width || ym < PLOT.top || ym > PLOT.top + PLOT.height) continue;
    out.push(`<circle cx="${px(xm)}" cy="${px(ym)}" r="5" fill="black"/><text x="${px(xm - 8)}" y="${px(ym + 16)}" text-anchor="end" font-size="11" stroke="white" stroke-width="3" paint-order="stroke">${esc(m.label)}</text>`);
  }
  // Legend.
  const lx0 = PLOT.left + PLOT.width + 20;
  let ly0 = PLOT.top + 10;
  out.push(`<rect x="${lx0}" y="${ly0 - 9}" width="26" height="12" fill="#b8e6b8"/><text x="${lx0 + 32}" y="${ly0 + 1}" font-size="10.5">all three met (qsdl accuracy, corrected data)</text>`);
  for (const [style, label, note] of styles) {
    ly0 += 22;
    out.push(`<line x1="${lx0}" x2="${lx0 + 26}" y1="${ly0 - 3}" y2="${ly0 - 3}" ${style}/><text x="${lx0 + 32}" y="${ly0 + 1}" font-size="10.5">${esc(label + note)}</text>`);
  }
  ly0 += 30;
  out.push(`<text x="${lx0}" y="${ly0}" font-size="10.5">T = 1; ε = 2(G − 1)/(G·n), n = ${map.inputs * map.activeFraction}; N = ${map.inputs}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** 10^k as Unicode superscripts. */
function superscript(k: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(k).replace('-', '⁻').replace(/\d/g, (d) => digits[Number(d)] as string);
}
