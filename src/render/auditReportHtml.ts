import type { ClaimAudit } from '../claims/auditClaims.js';
import { boxFromPath, type BoxVerdict } from '../claims/branchAndBound.js';
import { DIMENSIONS, DIMENSION_NAMES, type DimensionName } from '../claims/dimensions.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLOURS: Readonly<Record<BoxVerdict, string>> = { holds: '#1b7f3b', fails: '#b3261e', unknown: '#8a6d00' };

/** A number for a report: 4 significant digits, plain. */
function n4(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? Number(x.toPrecision(4)).toString() : x.toExponential(3);
}

const LABELS: Readonly<Record<string, string>> = { mu: 'μ', gain: 'G', inputs: 'N', rows: 'M', transmittance: 'T', technicalNoise: 'ε_tech', technicalPhotons: 't', efficiency: 'η', queries: 'Q', clients: 'K' };

/** A worst point in words: μ = 4, G = 2, … (defaults left out: ε_tech 0, t 0, η 1, Q 1, K 1; compact: also N = M = 784, T = 1). @internal */
export function pointText(p: Readonly<Record<string, number | undefined>>, compact = false): string {
  const skip: Readonly<Record<string, number>> = compact
    ? { technicalNoise: 0, technicalPhotons: 0, efficiency: 1, queries: 1, clients: 1, inputs: 784, rows: 784, transmittance: 1 }
    : { technicalNoise: 0, technicalPhotons: 0, efficiency: 1, queries: 1, clients: 1 };
  return Object.entries(p)
    .filter(([k, v]) => v !== undefined && skip[k] !== v)
    .map(([k, v]) => `${LABELS[k] ?? k} = ${n4(v!)}`)
    .join(', ');
}

/**
 * A map of a region claim's certificate: the slice through its worst point in the two
 * dimensions bisected most, every box that meets the slice drawn in its verdict's colour
 * (log axes for log-scale dimensions). Empty for claims with fewer than two varying dimensions.
 */
function sliceSvg(a: ClaimAudit): string {
  const cert = a.certificate;
  if (cert === undefined) return '';
  const region = cert.claim.region;
  const varying = DIMENSION_NAMES.filter((d) => region[d][0] < region[d][1]);
  if (varying.length < 2) return '';
  const splits = new Map<DimensionName, number>();
  for (const b of cert.boxes) for (let i = 0; i < b.path.length; i += 2) {
    const d = DIMENSION_NAMES[Number(b.path[i])]!;
    splits.set(d, (splits.get(d) ?? 0) + 1);
  }
  const [dx, dy] = [...varying].sort((p, q) => (splits.get(q) ?? 0) - (splits.get(p) ?? 0));
  const at = a.worstPoint as Partial<Record<DimensionName, number>>;
  const log = (d: DimensionName) => DIMENSIONS[DIMENSION_NAMES.indexOf(d)]!.scale === 'log';
  const W = 360;
  const H = 240;
  const scale = (d: DimensionName, v: number, size: number) => {
    const [lo, hi] = region[d];
    return log(d) ? (size * Math.log(v / lo)) / Math.log(hi / lo) : (size * (v - lo)) / (hi - lo);
  };
  const rects: string[] = [];
  for (const b of cert.boxes) {
    const box = boxFromPath(region, b.path);
    const onSlice = varying.every((d) => d === dx || d === dy || (at[d] !== undefined && box[d][0] <= at[d]! && at[d]! <= box[d][1]));
    if (!onSlice) continue;
    const x0 = scale(dx!, box[dx!][0], W);
    const x1 = scale(dx!, box[dx!][1], W);
    const y0 = H - scale(dy!, box[dy!][1], H);
    const y1 = H - scale(dy!, box[dy!][0], H);
    rects.push(`<rect x="${x0.toFixed(2)}" y="${y0.toFixed(2)}" width="${Math.max(0.3, x1 - x0).toFixed(2)}" height="${Math.max(0.3, y1 - y0).toFixed(2)}" fill="${COLOURS[b.verdict]}"/>`);
  }
  const others = varying.filter((d) => d !== dx && d !== dy).map((d) => `${LABELS[d] ?? d} = ${n4(at[d]!)}`).join(', ');
  const label = (d: DimensionName) => `${LABELS[d] ?? d} ${n4(region[d][0])} … ${n4(region[d][1])}${log(d) ? ' (log)' : ''}`;
  return `<figure><svg width="${W + 10}" height="${H + 10}" viewBox="-5 -5 ${W + 10} ${H + 10}" role="img" aria-label="certificate map"><g shape-rendering="crispEdges">${rects.join('')}</g><rect x="0" y="0" width="${W}" height="${H}" fill="none" stroke="#333"/></svg><figcaption>Certificate map: horizontal ${esc(label(dx!))}, vertical ${esc(label(dy!))}${others === '' ? '' : `, slice at ${esc(others)}`}; green holds, red fails, amber undecided.</figcaption></figure>`;
}

/**
 * The audit report as one self-contained HTML page (docs/claims.md#report): verdicts
 * first, then each claim with its statement, margin, worst point, how it was decided, the
 * share of its region that holds, fails and stays open, and its certificate's hash.
 * No scripts, no fonts, no links out: it opens anywhere, offline.
 * @param audits - the audits of one run
 * @param meta - qsdl's version and the claims files audited
 * @returns the HTML text
 * @public
 */
export function auditReportHtml(audits: readonly ClaimAudit[], meta: { readonly version: string; readonly files: readonly string[]; readonly verdict: BoxVerdict }): string {
  const badge = (v: BoxVerdict) => `<span class="v" style="background:${COLOURS[v]}">${v.toUpperCase()}</span>`;
  const rows = audits.map((a) => `<tr><td><a href="#${esc(a.claim)}">${esc(a.claim)}</a></td><td>${badge(a.verdict)}</td><td class="num">${a.margin >= 0 ? '+' : '−'}${n4(Math.abs(a.margin))} ${esc(a.marginUnit)}</td><td>${esc(pointText(a.worstPoint))}</td><td>${esc(a.how)}</td></tr>`).join('\n');
  const sections = audits.map((a) => {
    const share = a.volume === undefined ? '' : `<p>Share of the region (volume in the bisection's scaled coordinates): holds ${n4(100 * a.volume.holds)} %, fails ${n4(100 * a.volume.fails)} %, undecided ${n4(100 * a.volume.unknown)} % — ${a.boxes!.holds} + ${a.boxes!.fails} + ${a.boxes!.unknown} boxes.</p>`;
    const cert = a.certificate === undefined ? '<p>Statistical evidence: no interval certificate (accuracy is measured by Monte Carlo on the MNIST test images).</p>' : `<p>Certificate sha256 <code>${esc(a.certificate.sha256)}</code> (re-check with <code>qsdl check</code>).</p>`;
    const ev = a.evidence === undefined ? '' : `<table><tr><th>μ</th><th>G</th><th>right / images</th><th>accuracy</th><th>interval (${n4(100 * a.evidence[0]!.confidence)} %)</th><th>verdict</th></tr>${a.evidence.map((e) => `<tr><td>${n4(e.point.mu)}</td><td>${n4(e.point.gain)}</td><td>${e.correct} / ${e.images}</td><td>${n4(e.accuracyPercent)} %</td><td>[${n4(e.intervalPercent[0])}, ${n4(e.intervalPercent[1])}] %</td><td>${badge(e.verdict)}</td></tr>`).join('')}</table>`;
    return `<section id="${esc(a.claim)}"><h2>${esc(a.claim)} ${badge(a.verdict)}</h2><p class="stmt">${esc(a.statement)}</p><p>Margin ${a.margin >= 0 ? '+' : '−'}${n4(Math.abs(a.margin))} ${esc(a.marginUnit)} at ${esc(pointText(a.worstPoint))}.</p><p>${a.verdict === 'unknown' ? 'Why' : 'Decided by'}: ${esc(a.decidedBy)} (${esc(a.method)}).</p>${share}${sliceSvg(a)}${ev}${cert}</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>qsdl audit: ${esc(meta.verdict)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}.num{text-align:right;white-space:nowrap}.v{color:#fff;border-radius:.25rem;padding:.05rem .4rem;font-size:.8em;font-weight:600}.stmt{font-style:italic}code{font-size:.85em}</style></head>
<body><h1>qsdl ${esc(meta.version)} audit ${badge(meta.verdict)}</h1>
<p>Claims files: ${meta.files.map((f) => `<code>${esc(f)}</code>`).join(', ')}. Leakage in bits per symbol; margin: + meets the claim, − misses it. <em>holds</em>: a proven upper bound (or exact value) is under the threshold on the whole region; <em>fails</em>: an exact value or an attack that really runs exceeds it; <em>unknown</em>: neither is shown. Leakage verdicts are interval-certified (float64 outward rounding, re-checked independently in decimal.js); accuracy verdicts are statistical (exact Clopper–Pearson interval on the test images, for the named network).</p>
<table><tr><th>claim</th><th>verdict</th><th>margin</th><th>worst point</th><th>decided by</th></tr>
${rows}
</table>
${sections}
</body></html>
`;
}
