import type { ClaimVerdict } from '../studies/claimVerdict.js';
import { PAPER_HEADLINE } from '../studies/paperHeadline.js';
import { decidingEntry, operatingPointMargin, type OperatingPointEntry, type OperatingPointReport } from '../studies/paperOperatingPoints.js';
import { QSDL_VERSION } from '../version.js';
import { fmt, formatTable, verdictWord, wrap } from './table.js';

const C = PAPER_HEADLINE;

/** The margin of an entry to the claim as text, signed: + meets it, − misses it (points of accuracy, bits of leakage). */
function marginText(e: OperatingPointEntry): string {
  const m = operatingPointMargin(e);
  return `${m >= 0 ? '+' : '−'}${fmt(Math.abs(m))}${e.side === 'accuracy' ? ' pt' : ''}`;
}

/** How each part is measured, for the section headings. */
const SIDE: Readonly<Record<OperatingPointEntry['side'], string>> = {
  accuracy: `accuracy, percent (claim > ${C.minAccuracyPercent} %)`,
  weight: `weight leakage, bit per weight symbol (claim < ${C.maxWeightBits})`,
  data: `data leakage, bit per data symbol (claim < ${C.maxDataBits})`,
};

const KIND: Readonly<Record<OperatingPointEntry['kind'], string>> = { measured: 'measured', bound: 'upper bound', achieved: 'achieved', model: 'model' };

/** Why a part has its verdict, in words. */
function partReason(r: OperatingPointReport, side: OperatingPointEntry['side']): string {
  const v = r.verdicts[side];
  const deciding = decidingEntry(r, side);
  if (side === 'accuracy') return `${verdictWord(v)}: the network classifies ${fmt(deciding?.value ?? Number.NaN)} % of the test images`;
  if (side === 'weight') return v === 'holds' ? `HOLDS: the Holevo bound χ_W is under ${C.maxWeightBits} bit` : `UNKNOWN: the Holevo bound χ_W is over ${C.maxWeightBits} bit and no attack is shown to reach it`;
  if (v === 'fails') return `FAILS: a server that really runs it learns ${fmt(deciding?.value ?? Number.NaN)} bit per data symbol (${deciding?.source.replace(/^qsdl: /, '') ?? ''})`;
  return v === 'holds' ? `HOLDS: the whole-network Holevo bound is under ${C.maxDataBits} bit` : `UNKNOWN: the whole-network Holevo bound is over ${C.maxDataBits} bit, no attack shown to reach ${C.maxDataBits}`;
}

/** One operating point as text lines: the point, a table of every value with its kind and margin, each part's verdict with its reason, the claim's verdict. */
function operatingPointText(r: OperatingPointReport): string[] {
  const p = r.point;
  const rows = (['accuracy', 'weight', 'data'] as const).flatMap((side) => [
    [SIDE[side], '', '', ''],
    ...r.entries.filter((e) => e.side === side).map((e) => [`  ${e.source}${e.decisive ? ' *' : ''}`, KIND[e.kind], fmt(e.value), marginText(e)]),
  ]);
  return [
    wrap(`${r.preset} operating point ("This work" in the authors' code): μ = ${p.mu} photons per weight symbol, G = ${p.gain}, N = ${p.inputs}, f = ${p.activeFraction}, T = ${p.transmittance}; ε = 2(G−1)/(G·f·N) = ${fmt(r.excessNoise)} SNU; SNR = μ/DX2(G) = ${fmt(r.snr)}`, 100, 2),
    formatTable(['value (* decides the verdict)', 'kind', 'value', 'margin'], rows).replace(/^/gm, '  '),
    `  accuracy: ${partReason(r, 'accuracy')}`,
    `  weight:   ${partReason(r, 'weight')}`,
    wrap(`  data:     ${partReason(r, 'data')}`, 100, 12),
    `  the claim at this point: ${verdictWord(r.verdicts.claim)}`,
    '',
  ];
}

/** What {@link paperReportText} says besides the reports. @internal */
export interface PaperReportContext {
  /** The verdict over every operating point. */
  readonly verdict: ClaimVerdict;
  /** The exit status that verdict gives (`qsdl paper`: 0 holds, 3 fails, 4 unknown). */
  readonly exitCode: number;
  /** Where the network comes from: `committed`, or the provenance of a network file. */
  readonly networkSource: string;
}

/**
 * The report of `qsdl paper` as text that fits 100 columns: the paper's claim, each operating
 * point ({@link paperOperatingPoints}) with every value, its kind and its margin, what the kinds
 * mean, and the verdict. Accuracy in percent, leakage in bits per symbol.
 * @param reports - from {@link paperOperatingPoints}
 * @param context - the overall verdict, its exit status and the network's source
 * @returns the text, ending in a newline
 * @internal
 */
export function paperReportText(reports: readonly OperatingPointReport[], context: PaperReportContext): string {
  const out: string[] = [
    `qsdl ${QSDL_VERSION}: Sulimany et al., "Quantum-secure multiparty deep learning" (arXiv:2408.05629)`,
    wrap(`The claim: accuracy > ${C.minAccuracyPercent} %, weight leakage < ${C.maxWeightBits} bit per weight symbol, data leakage < ${C.maxDataBits} bit per data symbol (leakage values below are bits per symbol).`),
    '',
    ...reports.flatMap(operatingPointText),
    wrap("Margin: + meets the claim, − misses it. Kinds: measured = simulated on the 10 000 MNIST test images; upper bound = proven to cap what an adversary learns (docs/model.md; the first layer's bound caps that layer only and decides nothing, the network bound sums every layer by the chain rule); achieved = what an attack that really runs learns, so a value over the threshold refutes the claim; model = a published formula that is neither, shown for comparison. Displace-and-count is the closed form for the stylised prior (a fraction f of pixels active, equal values); interferometric counting (fitted pixel pairs on 50:50 splitters) is measured on the first 2000 MNIST test images in the paper's pm1 encoding, 3 standard errors below the estimate less the estimator's permutation-null value."),
    wrap(`qsdl's accuracy runs the network ${context.networkSource === 'committed' ? 'committed in weights/' : context.networkSource} with the physical noise; that noise is the authors' notebook noise at F = 4·SNR, while their maps read their curve (and its logistic fit) at F = √SNR. paper-2025 halves χ_W ("real or imaginary part"), which the Holevo bound does not.`),
    '',
    `Verdict: the paper's claim ${verdictWord(context.verdict)} at its published operating points (exit ${context.exitCode}).`,
  ];
  return `${out.join('\n')}\n`;
}
