import type { Box, DimensionName } from './dimensions.js';

/**
 * A claim of a claims file, after validation (docs/claims.md). Leakage thresholds are
 * `fraction` × `bitsPerSymbol` bits per symbol (b_w for weights, b_x for data values).
 * @public
 */
export type Claim = LeakageClaim | AccuracyClaim | AttackClaim;

/** The adversaries a weight-leakage claim can name (docs/claims.md#adversaries). @public */
export const WEIGHT_ADVERSARIES = Object.freeze(['holevo', 'paper-2025-weight-model'] as const);
/** The adversaries a data-leakage claim can name (docs/claims.md#adversaries). @public */
export const DATA_ADVERSARIES = Object.freeze(['holevo-network', 'holevo-layer', 'paper-2024-data-model', 'paper-2025-data-model'] as const);

/** A weight-leakage adversary. @public */
export type WeightAdversary = (typeof WEIGHT_ADVERSARIES)[number];
/** A data-leakage adversary. @public */
export type DataAdversary = (typeof DATA_ADVERSARIES)[number];

/** One layer's shape (N inputs, M rows). @public */
export interface ClaimLayer {
  /** N, inputs per row. */
  readonly inputs: number;
  /** M, rows. */
  readonly rows: number;
}

/** Budget of the branch-and-bound for one claim (or one shard of it). @public */
export interface ClaimBudget {
  /** Stop splitting when the certificate would hold more boxes than this. */
  readonly boxes: number;
  /** Stop splitting after this many seconds (wall clock); the open boxes stay undecided. */
  readonly seconds: number;
}

/** A weight- or data-leakage claim over a box of operating points. @public */
export interface LeakageClaim {
  /** Short name, unique in its file (letters, digits, `-`, `_`, `.`). */
  readonly id: string;
  /** What is claimed: weight leakage per inference, over a lifetime of Q inferences by K clients, or data leakage. */
  readonly kind: 'weight-leakage' | 'lifetime' | 'data-leakage';
  /** The claim in words, as its author states it. */
  readonly statement: string;
  /** Leakage at most `fraction` × `bitsPerSymbol` bits per symbol. */
  readonly threshold: {
    /** The fraction of b bits, in (0, 1]. */
    readonly fraction: number;
    /** b, bits per symbol an adversary needs (b_w or b_x). */
    readonly bitsPerSymbol: number;
  };
  /** Who attacks, which decides the quantities (docs/claims.md#adversaries). */
  readonly adversary: WeightAdversary | DataAdversary;
  /** The operating region: a range for every dimension (fixed values are ranges lo = hi). */
  readonly region: Box;
  /**
   * Weights: f, the active fraction in the effective noise ε = 2(G − 1)/(G·f·N).
   * Data: p, the stylised prior's fraction of active pixels used by the achieved attack.
   */
  readonly activeFraction: number;
  /** Data leakage over the whole network: its layer shapes (from the named network). */
  readonly layers?: readonly ClaimLayer[] | undefined;
  /** Where the layer shapes come from (`committed` or a network file's path). */
  readonly network?: string | undefined;
  /**
   * Weights: the server estimates ε from m samples per mode and the claim holds for its
   * upper limit at confidence 1 − δ (Laurent–Massart: ε_fs = (1 + ε)/(1 − 2√(ln(1/δ)/(m − 1))) − 1).
   */
  readonly finiteSize?: {
    /** m, samples per mode the server estimates ε from. */
    readonly samples: number;
    /** δ, the probability that the true ε exceeds the estimate's limit. */
    readonly delta: number;
  } | undefined;
  /** Branch-and-bound budget. */
  readonly budget: ClaimBudget;
}

/**
 * A leakage claim judged against a registered attack (`qsdl attack list`): the attack runs
 * at sampled points of the region (its corners and centre). A figure the attack really
 * achieves, or a Holevo quantity it reaches, above the threshold refutes the claim at that
 * point; nothing an attack shows can certify a region, so the verdict is `fails` or
 * `unknown`, never `holds` (docs/claims.md#adversaries).
 * @public
 */
export interface AttackClaim extends Omit<LeakageClaim, 'adversary'> {
  /** The attack and its parameters. */
  readonly adversary: {
    /** A registered attack's name (client side for weight claims, server side for data claims). */
    readonly attack: string;
    /** Its parameters, as `qsdl attack run` takes them. */
    readonly parameters: Readonly<Record<string, string | number>>;
  };
}

/** Whether a claim names a registered attack as its adversary. @public */
export function isAttackClaim(claim: Claim): claim is AttackClaim {
  return claim.kind !== 'accuracy' && typeof claim.adversary === 'object';
}

/** An accuracy claim: statistical, at listed operating points, for a named network. @public */
export interface AccuracyClaim {
  /** Short name, unique in its file. */
  readonly id: string;
  /** What is claimed. */
  readonly kind: 'accuracy';
  /** The claim in words. */
  readonly statement: string;
  /** Accuracy at least this (percent of test images classified right). */
  readonly minPercent: number;
  /** The operating points (μ photons per weight symbol, gain G). */
  readonly points: readonly {
    /** μ, photons per weight symbol. */
    readonly mu: number;
    /** G, the client's gain. */
    readonly gain: number;
  }[];
  /** The network: `committed` or a network file's path. */
  readonly network: string;
  /** Test images used (the first ones of the MNIST test split). */
  readonly images: number;
  /** Seed of the noise draws. */
  readonly seed: number;
  /** Confidence of the exact (Clopper–Pearson) binomial interval, e.g. 0.99. */
  readonly confidence: number;
}

/** A claims file after validation. @public */
export interface ClaimsFile {
  /** The file's name (e.g. `paper-2024`). */
  readonly name: string;
  /** Where the claims come from, in words. */
  readonly source: string;
  /** The claims. */
  readonly claims: readonly Claim[];
}

/** The threshold of a leakage claim in bits per symbol. @public */
export function thresholdBits(claim: Pick<LeakageClaim, 'threshold'>): number {
  return claim.threshold.fraction * claim.threshold.bitsPerSymbol;
}

/** Dimensions a leakage claim may span (others must be absent or fixed at their defaults). @internal */
export const CLAIM_DIMENSIONS: Readonly<Record<LeakageClaim['kind'], readonly DimensionName[]>> = Object.freeze({
  'weight-leakage': ['mu', 'gain', 'inputs', 'transmittance', 'technicalNoise', 'efficiency', 'queries', 'clients'],
  lifetime: ['mu', 'gain', 'inputs', 'transmittance', 'technicalNoise', 'efficiency', 'queries', 'clients'],
  'data-leakage': ['gain', 'inputs', 'rows', 'technicalPhotons', 'efficiency'],
});
