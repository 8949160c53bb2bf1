import type { MnistSplit } from '../data/loadMnist.js';
import type { BiasFreeNetwork } from '../inference/noisyForward.js';
import { accuracyEvidence, type AccuracyEvidence } from './accuracyEvidence.js';
import { corner, type BoxVerdict } from './branchAndBound.js';
import { proveLeakageClaim, type LeakageCertificate } from './certificate.js';
import { CLAIM_DIMENSIONS, isAttackClaim, thresholdBits, type AttackClaim, type Claim, type ClaimsFile, type LeakageClaim } from './claim.js';
import { getAttack } from '../attacks/registry.js';
import { runAttack } from '../attacks/runAttack.js';
import { isInputError } from '../inputError.js';
import { DIMENSIONS, DIMENSION_NAMES, type Box, type DimensionName, type Point } from './dimensions.js';
import { claimQuantities, type ClaimQuantity } from './_internal/claimQuantities.js';

/**
 * How a verdict was reached (docs/claims.md#verdicts): interval-certified over the whole
 * region; statistical (accuracy); or by a registered attack run at sampled points (it can
 * refute, never certify). @public
 */
export type DecisionMethod = 'interval-certified' | 'statistical' | 'attack-sampled';

/** The audit of one claim. @public */
export interface ClaimAudit {
  /** The claims file's name and the claim's id, "file/id". */
  readonly claim: string;
  /** The claim's kind. */
  readonly kind: Claim['kind'];
  /** The claim in words. */
  readonly statement: string;
  /** holds, fails or unknown over the whole region (accuracy: at every point). */
  readonly verdict: BoxVerdict;
  /**
   * Signed distance to the threshold at the worst point: + meets it, − misses it.
   * Leakage: threshold − value (bits per symbol; the value is the upper bound when the
   * claim holds or is unknown, the achieved or exact value when it fails). Accuracy:
   * the interval's lower end − the claim (percentage points), or its upper end − the claim when it fails.
   */
  readonly margin: number;
  /** The unit of `margin`. */
  readonly marginUnit: string;
  /** Where the margin is taken: the region's worst point (its varying dimensions), or the worst accuracy point. */
  readonly worstPoint: Readonly<Partial<Record<DimensionName, number>>>;
  /** What decided the verdict, in words. */
  readonly decidedBy: string;
  /** The same in a few words, "kind: quantity" (for one-line reports). */
  readonly how: string;
  /** Interval-certified (leakage) or statistical (accuracy). */
  readonly method: DecisionMethod;
  /** Leakage: boxes by verdict, and the fractions of the region's (scaled) volume. */
  readonly boxes?: Readonly<Record<BoxVerdict, number>>;
  /** Leakage: fractions of the region's volume (scaled coordinates) that hold, fail and stay open. */
  readonly volume?: Readonly<Record<BoxVerdict, number>>;
  /** Leakage: the certificate (whole region). */
  readonly certificate?: LeakageCertificate;
  /** Accuracy: the evidence at each point. */
  readonly evidence?: readonly AccuracyEvidence[];
  /** A claim against a registered attack: the attack's figure at each sampled point. */
  readonly attackPoints?: readonly AttackPoint[];
}

/** A registered attack's figure at one sampled point of a region. @public */
export interface AttackPoint {
  /** The point (the claim kind's dimensions). */
  readonly point: Readonly<Partial<Record<DimensionName, number>>>;
  /** The attack's figure there, bits per symbol, or null when the attack refused the point. */
  readonly bitsPerSymbol: number | null;
  /** What the figure is (achieved, holevo, model), or the attack's reason for refusing the point. */
  readonly kind: string;
}

/** Points of a region where a registered attack runs: the centre and corners of up to `dims` varying dimensions (the others at their centre). */
function samplePoints(region: Box, dims: number): Point[] {
  const centre = Object.fromEntries(DIMENSION_NAMES.map((d) => [d, DIMENSIONS[DIMENSION_NAMES.indexOf(d)]!.scale === 'log' ? Math.sqrt(region[d][0] * region[d][1]) : (region[d][0] + region[d][1]) / 2])) as Record<DimensionName, number>;
  const varying = DIMENSION_NAMES.filter((d) => region[d][0] < region[d][1]).slice(0, dims);
  const points: Point[] = [{ ...centre }];
  for (let mask = 0; mask < 2 ** varying.length; mask += 1) {
    const p = { ...centre };
    varying.forEach((d, i) => {
      p[d] = region[d][(mask >> i) & 1]!;
    });
    points.push(p);
  }
  return points;
}

/** A claim against a registered attack: run it at sampled points; a figure it achieves (or a Holevo quantity it reaches) above the threshold refutes. */
function auditAttack(fileName: string, claim: AttackClaim, onProgress?: (f: number) => void): ClaimAudit {
  const attack = getAttack(claim.adversary.attack);
  const thr = thresholdBits(claim);
  // Slow (Monte Carlo) attacks run at the centre and the corners of two dimensions; fast ones at the corners of four.
  const points = samplePoints(claim.region, attack.cost === 'slow' ? 2 : 4);
  const fs = claim.finiteSize;
  const results: AttackPoint[] = points.map((p, i) => {
    onProgress?.(i / points.length);
    const config = { mu: p.mu, gain: p.gain, transmittance: p.transmittance, technicalNoise: p.technicalNoise, inputs: Math.round(p.inputs), rows: Math.round(p.rows), activeFraction: claim.activeFraction, efficiency: p.efficiency, queries: Math.round(p.queries), clients: Math.round(p.clients), ...(fs === undefined ? {} : { samples: fs.samples, delta: fs.delta }) };
    const shown = Object.fromEntries(CLAIM_DIMENSIONS[claim.kind].map((d) => [d, p[d]]));
    try {
      const r = runAttack(attack, config, claim.adversary.parameters);
      return { point: shown, bitsPerSymbol: r.bitsPerSymbol, kind: r.kind };
    } catch (e) {
      if (!isInputError(e)) throw e;
      return { point: shown, bitsPerSymbol: null, kind: `not run: ${(e as Error).message}` };
    }
  });
  const refuting = results.filter((r) => r.bitsPerSymbol !== null && (r.kind === 'achieved' || r.kind === 'holevo'));
  const worst = refuting.reduce<AttackPoint | null>((a, b) => (a === null || b.bitsPerSymbol! > a.bitsPerSymbol! ? b : a), null);
  const verdict: BoxVerdict = worst !== null && worst.bitsPerSymbol! > thr ? 'fails' : 'unknown';
  const unit = claim.kind === 'data-leakage' ? 'bits per data symbol' : 'bits per weight symbol';
  const run = results.filter((r) => r.bitsPerSymbol !== null).length;
  return {
    claim: `${fileName}/${claim.id}`,
    kind: claim.kind,
    statement: claim.statement,
    verdict,
    margin: worst === null ? Number.NaN : thr - worst.bitsPerSymbol!,
    marginUnit: unit,
    worstPoint: worst?.point ?? {},
    how: `${worst?.kind === 'holevo' ? 'Holevo' : 'attack'}: ${attack.name} (sampled)`,
    decidedBy: verdict === 'fails'
      ? `the registered attack ${attack.name} (${worst!.kind === 'holevo' ? 'a Holevo quantity it reaches' : 'a figure it achieves'}) exceeds the threshold at this point; it ran at ${run} of ${results.length} sampled points`
      : `undecided: the registered attack ${attack.name} stays under the threshold at the ${run} points where it ran (of ${results.length} sampled); an attack can refute a claim, never certify it`,
    method: 'attack-sampled',
    attackPoints: results,
  };
}

/** What an audit needs from outside: networks and test images (loaded once). @public */
export interface AuditContext {
  /** The network a claim names (`committed` or a path). */
  readonly network: (name: string) => BiasFreeNetwork;
  /** The MNIST test split. */
  readonly test: () => MnistSplit;
  /** Progress: (claim index, claims, fraction of this claim done). */
  readonly onProgress?: (claimIndex: number, claims: number, fraction: number) => void;
}

const KIND_WORDS: Readonly<Record<ClaimQuantity['kind'], string>> = {
  'holevo-exact': 'the exact Holevo quantity (a collective attack reaches it as a Holevo quantity; no measurement is run)',
  bound: 'a proven upper bound',
  achieved: 'an achieved attack (a strategy anyone can re-run)',
  model: 'a published model (neither a bound nor achieved)',
};

const KIND_SHORT: Readonly<Record<ClaimQuantity['kind'], string>> = { 'holevo-exact': 'Holevo', bound: 'bound', achieved: 'attack', model: 'model' };

const QUANTITY_SHORT: Readonly<Record<ClaimQuantity['name'], string>> = {
  'chi-w': 'χ_W (cloner)',
  'chi-w-concentrated': 'χ_W',
  'chi-w-half': 'χ_W/2',
  'network-subadditive': 'network bound',
  'layer-subadditive': 'layer bound',
  'displace-and-count': 'displace-and-count',
  'paper-2024-cramer-rao': '2024 Cramér–Rao',
  'paper-2025-revised': '2025 revised',
};

const QUANTITY_WORDS: Readonly<Record<ClaimQuantity['name'], string>> = {
  'chi-w': 'χ_W with each use\'s own noise (the entangling cloner on every use)',
  'chi-w-concentrated': 'χ_W(Q·K·μ, T, Q·K·ε), every copy\'s noise on the signal mode (exact at Q = K = 1)',
  'chi-w-half': 'χ_W/2 as paper-2025 plots it',
  'network-subadditive': 'the whole-network subadditive Holevo bound',
  'layer-subadditive': 'the one-layer subadditive Holevo bound',
  'displace-and-count': 'displace-and-count on the stylised prior',
  'paper-2024-cramer-rao': 'the paper-2024 code\'s homodyne Cramér–Rao model',
  'paper-2025-revised': 'the paper-2025 code\'s revised model',
};

/** The point in the dimensions a claim of this kind can span. */
function pickDimensions(claim: LeakageClaim, p: Readonly<Record<DimensionName, number>>): Partial<Record<DimensionName, number>> {
  return Object.fromEntries(CLAIM_DIMENSIONS[claim.kind].map((d) => [d, p[d]]));
}

/** The quantity a verdict rests on: the lower one for fails, the upper one otherwise. */
function qsVerdictQuantity(verdict: BoxVerdict, qs: ReturnType<typeof claimQuantities>): ClaimQuantity {
  return verdict === 'fails' && qs.lower !== null ? qs.lower : qs.upper;
}

function auditLeakage(fileName: string, claim: LeakageClaim, onProgress?: (f: number) => void): ClaimAudit {
  const { certificate } = proveLeakageClaim(claim, fileName, { index: 1, count: 1 }, (leaves, budget) => onProgress?.(leaves / budget));
  const qs = claimQuantities(claim);
  const thr = thresholdBits(claim);
  const verdict = certificate.summary.verdict;
  const unit = claim.kind === 'data-leakage' ? 'bits per data symbol' : claim.kind === 'lifetime' ? 'bits per weight symbol over the lifetime' : 'bits per weight symbol';
  const upperAt = corner(claim.region, qs.upper, 1);
  const upper = qs.upper.at(upperAt);
  let margin = thr - upper[1];
  let worst = upperAt;
  let decidedBy = `${QUANTITY_WORDS[qs.upper.name]}, ${KIND_WORDS[qs.upper.kind]}, at its largest point of the region`;
  if (verdict === 'fails' && qs.lower !== null) {
    const lowerAt = corner(claim.region, qs.lower, 1);
    margin = thr - qs.lower.at(lowerAt)[0];
    worst = lowerAt;
    decidedBy = `${QUANTITY_WORDS[qs.lower.name]}, ${KIND_WORDS[qs.lower.kind]}, at its largest point of the region`;
  } else if (verdict === 'unknown') {
    decidedBy = `undecided: ${QUANTITY_WORDS[qs.upper.name]} (${KIND_WORDS[qs.upper.kind]}) exceeds the threshold somewhere and ${qs.lower === null ? 'no attack is modelled' : `${QUANTITY_WORDS[qs.lower.name]} does not reach it`} there, or the budget ran out`;
  }
  return {
    claim: `${fileName}/${claim.id}`,
    kind: claim.kind,
    statement: claim.statement,
    verdict,
    margin,
    marginUnit: unit,
    worstPoint: pickDimensions(claim, worst),
    how: `${KIND_SHORT[qsVerdictQuantity(verdict, qs).kind]}: ${QUANTITY_SHORT[qsVerdictQuantity(verdict, qs).name]}`,
    decidedBy,
    method: 'interval-certified',
    boxes: certificate.summary.boxes,
    volume: certificate.summary.volume,
    certificate,
  };
}

/**
 * Audit a claims file (docs/claims.md#audit): every leakage claim is proved over its
 * region by branch-and-bound with interval enclosures (a certificate per claim); every
 * accuracy claim is run on the MNIST test images with an exact binomial interval
 * (statistical). One result per claim.
 * @param file - a validated claims file
 * @param ctx - networks, test images, progress
 * @returns the audits, in the file's order
 * @public
 */
export function auditClaims(file: ClaimsFile, ctx: AuditContext): ClaimAudit[] {
  return file.claims.map((c, i) => {
    const progress = (f: number) => ctx.onProgress?.(i, file.claims.length, f);
    if (c.kind !== 'accuracy') return isAttackClaim(c) ? auditAttack(file.name, c, progress) : auditLeakage(file.name, c as LeakageClaim, progress);
    const ev = accuracyEvidence(c, ctx.network(c.network), ctx.test(), (done, total) => progress(done / total));
    const verdict: BoxVerdict = ev.some((e) => e.verdict === 'fails') ? 'fails' : ev.every((e) => e.verdict === 'holds') ? 'holds' : 'unknown';
    // The worst point: the smallest lower end (or, when failing, the smallest upper end).
    const key = (e: AccuracyEvidence) => (verdict === 'fails' ? e.intervalPercent[1] : e.intervalPercent[0]);
    const worst = ev.reduce((a, b) => (key(b) < key(a) ? b : a));
    return {
      claim: `${file.name}/${c.id}`,
      kind: c.kind,
      statement: c.statement,
      verdict,
      margin: key(worst) - c.minPercent,
      marginUnit: 'percentage points',
      worstPoint: { mu: worst.point.mu, gain: worst.point.gain },
      how: `statistical: ${100 * c.confidence} % CP`,
      decidedBy: `statistical: ${worst.correct}/${worst.images} MNIST test images right (network ${c.network}, seed ${c.seed}), exact Clopper–Pearson interval [${worst.intervalPercent[0].toFixed(2)}, ${worst.intervalPercent[1].toFixed(2)}] % at ${100 * c.confidence} % confidence`,
      method: 'statistical',
      evidence: ev,
    };
  });
}

/** The verdict over several claims: any fails → fails; all hold → holds; else unknown. @public */
export function auditVerdict(audits: readonly ClaimAudit[]): BoxVerdict {
  if (audits.some((a) => a.verdict === 'fails')) return 'fails';
  return audits.every((a) => a.verdict === 'holds') ? 'holds' : 'unknown';
}
