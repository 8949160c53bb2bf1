import { QSDL_VERSION } from '../version.js';
import { bisectionPoint, branchAndBound, regionVerdict, rootBoxes, verdictVolumes, type BoxVerdict, type DecidedBox, type ProofOptions, type ProofRun } from './branchAndBound.js';
import { certificateHash } from './canonicalJson.js';
import { thresholdBits, type LeakageClaim } from './claim.js';
import { DIMENSION_NAMES, type DimensionName } from './dimensions.js';
import { claimQuantities, type ClaimQuantity } from './_internal/claimQuantities.js';

/** The format tag of a certificate of a leakage claim. @public */
export const CERTIFICATE_FORMAT = 'qsdl-certificate/1';

/** What {@link proveLeakageClaim} returns. @public */
export interface ProvedClaim {
  /** The certificate, hash included. */
  readonly certificate: LeakageCertificate;
  /** How the branch-and-bound went (boxes, time, why it stopped). */
  readonly run: ProofRun;
}

/** A shard of a proof: which roots of the region it covers. @public */
export interface ShardSpec {
  /** 1-based index of this shard. */
  readonly index: number;
  /** Number of shards. */
  readonly count: number;
}

/** A quantity as recorded in a certificate. @public */
export interface CertificateQuantity {
  /** Its name (the checker has its own implementation of each). */
  readonly name: string;
  /** `holevo-exact`, `bound`, `achieved` or `model`. */
  readonly kind: string;
  /** +1 non-decreasing, −1 non-increasing in each dimension it depends on (proofs/certified-evaluation.md §4). */
  readonly directions: Readonly<Partial<Record<DimensionName, 1 | -1>>>;
}

/**
 * One box of a certificate. The box itself is its bisection path applied to the region
 * (each step halves one dimension at {@link bisectionPoint}); `qsdl check` rebuilds it.
 * Decided boxes also carry the deciding corner (varying dimensions only) and the enclosure there.
 * @public
 */
export interface CertificateBox {
  /** Bisection path (see {@link DecidedBox.path}). */
  readonly path: string;
  /** holds, fails or unknown. */
  readonly verdict: BoxVerdict;
  /** Decided boxes: the deciding corner, in the varying dimensions. */
  readonly at?: Readonly<Partial<Record<DimensionName, number>>>;
  /** Decided boxes: enclosure [lo, hi] of the deciding quantity at that corner (bits per symbol). */
  readonly enclosure?: readonly [number, number];
}

/** A certificate of a leakage claim (docs/claims.md#certificates). @public */
export interface LeakageCertificate {
  /** The format tag, {@link CERTIFICATE_FORMAT}. */
  readonly format: typeof CERTIFICATE_FORMAT;
  /** The claims file the claim comes from. */
  readonly claimsFile: string;
  /** The claim, validated and complete (region, layers, budget). */
  readonly claim: LeakageClaim;
  /** fraction × bits per symbol. */
  readonly thresholdBits: number;
  /** What decides each verdict and how it was computed. */
  readonly model: {
    /** The quantity that decides `holds` (an upper bound or an exact value). */
    readonly upper: CertificateQuantity;
    /** The quantity that decides `fails` (exact, achieved or a model), or null. */
    readonly lower: CertificateQuantity | null;
    /** Where the monotone directions are proved. */
    readonly monotonicity: string;
    /** How the enclosures were computed and are checked. */
    readonly arithmetic: string;
  };
  /** Which part of the region this certificate covers. */
  readonly shard: {
    /** This shard, 1-based. */
    readonly index: number;
    /** Shards in all. */
    readonly count: number;
    /** Bisection levels of the roots (2^depth roots). */
    readonly depth: number;
    /** The paths of the roots this shard covers. */
    readonly roots: readonly string[];
  };
  /** Every leaf box, in path order. */
  readonly boxes: readonly CertificateBox[];
  /** Counts, volume fractions (scaled coordinates) and the verdict over this certificate's boxes. */
  readonly summary: {
    /** The verdict over this certificate's boxes. */
    readonly verdict: BoxVerdict;
    /** Boxes by verdict. */
    readonly boxes: Readonly<Record<BoxVerdict, number>>;
    /** Fractions of the region's volume (scaled coordinates) by verdict. */
    readonly volume: Readonly<Record<BoxVerdict, number>>;
    /** Why splitting stopped. */
    readonly stoppedBy: ProofRun['stoppedBy'];
  };
  /** qsdl's version. */
  readonly versions: {
    /** qsdl's version. */
    readonly qsdl: string;
  };
  /** SHA-256 of the canonical JSON of every other field. */
  readonly sha256: string;
}

function recordQuantity(q: ClaimQuantity): CertificateQuantity {
  return { name: q.name, kind: q.kind, directions: q.directions };
}

/** Roots of shard `index` of `count`: the region split into 2^depth roots, root j to shard (j mod count) + 1. @internal */
export function shardRoots(claim: LeakageClaim, shard: ShardSpec): { depth: number; roots: { path: string; box: LeakageClaim['region'] }[] } {
  const depth = shard.count === 1 ? 0 : Math.ceil(Math.log2(shard.count));
  const all = rootBoxes(claim, depth);
  return { depth, roots: all.filter((_, j) => j % shard.count === shard.index - 1) };
}

/**
 * Prove a leakage claim over its region (or one shard of it) and write the certificate
 * object, hash included (docs/claims.md#certificates).
 * @param claim - a validated leakage claim
 * @param claimsFile - the claims file's name, recorded
 * @param shard - which shard (default 1 of 1: the whole region)
 * @param onProgress - progress callback (leaves so far, budget)
 * @param options - the cap on open boxes in memory (the certificate does not depend on it) and the spill folder
 * @returns the certificate and how the run went
 * @public
 */
export function proveLeakageClaim(claim: LeakageClaim, claimsFile: string, shard: ShardSpec = { index: 1, count: 1 }, onProgress?: (leaves: number, budget: number) => void, options: ProofOptions = {}): ProvedClaim {
  const qs = claimQuantities(claim);
  const { depth, roots } = shardRoots(claim, shard);
  const run = branchAndBound(claim, roots, onProgress, options);
  const varying = DIMENSION_NAMES.filter((d) => claim.region[d][0] < claim.region[d][1]);
  const pick = <T>(rec: Readonly<Record<DimensionName, T>>): Partial<Record<DimensionName, T>> => Object.fromEntries(varying.map((d) => [d, rec[d]]));
  const boxes: CertificateBox[] = run.boxes.map((b: DecidedBox) => (b.verdict === 'unknown' ? { path: b.path, verdict: b.verdict } : { path: b.path, verdict: b.verdict, at: pick(b.at), enclosure: b.enclosure }));
  const counts = { holds: 0, fails: 0, unknown: 0 };
  for (const b of boxes) counts[b.verdict] += 1;
  const body = {
    format: CERTIFICATE_FORMAT,
    claimsFile,
    claim,
    thresholdBits: thresholdBits(claim),
    model: {
      upper: recordQuantity(qs.upper),
      lower: qs.lower === null ? null : recordQuantity(qs.lower),
      monotonicity: 'proofs/certified-evaluation.md#4-monotonicity',
      arithmetic: 'prover: float64 intervals, outward rounding (proofs/certified-evaluation.md#2); checker: decimal.js, directed rounding',
    },
    shard: { index: shard.index, count: shard.count, depth, roots: roots.map((r) => r.path) },
    boxes,
    summary: { verdict: regionVerdict(boxes), boxes: counts, volume: verdictVolumes(claim, run.boxes), stoppedBy: run.stoppedBy },
    versions: { qsdl: QSDL_VERSION },
  } as const;
  const certificate = { ...body, sha256: certificateHash(body) } as LeakageCertificate;
  return { certificate, run };
}

/**
 * A certificate as the text `qsdl prove` writes: pretty JSON with one box per line (the
 * hash covers the canonical JSON, so layout does not matter to the checker).
 * @param certificate - a certificate
 * @returns its text, ending in a newline
 * @public
 */
export function certificateText(certificate: LeakageCertificate): string {
  const { boxes, ...rest } = certificate;
  const marker = '\u0000boxes\u0000';
  const head = JSON.stringify({ ...rest, boxes: marker }, null, 2);
  const list = boxes.length === 0 ? '[]' : `[\n${boxes.map((b) => `    ${JSON.stringify(b)}`).join(',\n')}\n  ]`;
  return `${head.replace(JSON.stringify(marker), () => list)}\n`;
}
