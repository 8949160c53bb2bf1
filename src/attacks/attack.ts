import type { BiasFreeNetwork } from '../inference/noisyForward.js';
/**
 * The one shape every attack has (docs/model.md#attacks): its side, its parameters with their
 * domains, and, for a protocol configuration, the information it gains (naming the
 * estimator), the rigorous bound of its side at the disturbance it causes, that
 * disturbance, and the probability that the other party's finite-size test detects it.
 *
 * Conventions everywhere: information in bits; quadratures in shot-noise units (vacuum
 * variance 1); excess noise output-referred (SNU); T a power transmittance.
 * @packageDocumentation
 */

/** Which party attacks: the `client` goes after the server's weights, the `server` after the client's data. @public */
export type AttackSide = 'client' | 'server';

/**
 * The protocol configuration shared by every attack (the common CLI flags). Units:
 * photons, SNU, power transmittance, counts.
 * @public
 */
export interface ProtocolConfiguration {
  /** Mean photon number per weight symbol μ (photons), in (0, 1e6]. @defaultValue 4 (the paper-2024 operating point) */
  readonly mu: number;
  /** The client's declared amplifier gain G ≥ 1. @defaultValue 2 */
  readonly gain: number;
  /** Honest round-trip power transmittance T in (0, 1]. @defaultValue 1 */
  readonly transmittance: number;
  /** Technical excess noise per mode the server sees from honest equipment (SNU, output-referred), attributed to the client to be safe (docs/model.md#accuracy). @defaultValue 0 */
  readonly technicalNoise: number;
  /** Inputs N (modes per row). @defaultValue 784 */
  readonly inputs: number;
  /** Rows M of the layer (outputs). @defaultValue 784 */
  readonly rows: number;
  /** Fraction p of non-zero entries of the client's vector, in (0, 1] (the paper: ½; docs/model.md#protocol n = p·N), with p·N ≥ 1. @defaultValue 0.5 (1 when N = 1: at least one input is active) */
  readonly activeFraction: number;
  /** The server's photon-detector efficiency η in (0, 1]. @defaultValue 1 */
  readonly efficiency: number;
  /** The server's dark counts per mode per row (mean of a Poisson count), ≥ 0. @defaultValue 0 */
  readonly darkCounts: number;
  /** Inferences Q the same weights are used for (each re-sends them). @defaultValue 1 */
  readonly queries: number;
  /** Colluding clients K that pool what they learn of the same weights. @defaultValue 1 */
  readonly clients: number;
  /** Samples m the checking party's finite-size test uses. @defaultValue 1e6 */
  readonly samples: number;
  /** Failure probability δ of that test (an honest party is rejected with probability ≤ δ). @defaultValue 1e-6 */
  readonly delta: number;
  /** Seed of the attacks that simulate (an integer in [−2^31, 2^31)). @defaultValue 1 */
  readonly seed: number;
}

/** Keys of {@link ProtocolConfiguration}. @public */
export type ConfigurationKey = keyof ProtocolConfiguration;

/**
 * One attack-specific parameter with its domain. Numbers are checked against
 * [min, max] (ends included unless `openMin`/`openMax`), integers must be whole,
 * choices must be one of `choices`.
 * @public
 */
export interface AttackParameter {
  /** Name, kebab-case: the CLI flag `--name` and the key in the parameter record. */
  readonly name: string;
  /** What it is, with its unit. */
  readonly description: string;
  /** `number`, `integer` or `choice`. */
  readonly kind: 'number' | 'integer' | 'choice';
  /** Smallest value (number, integer). */
  readonly min?: number;
  /** Largest value (number, integer). */
  readonly max?: number;
  /** True when `min` itself is excluded. @defaultValue false */
  readonly openMin?: boolean;
  /** True when `max` itself is excluded. @defaultValue false */
  readonly openMax?: boolean;
  /** Allowed names (choice). */
  readonly choices?: readonly string[];
  /** Value used when the parameter is not given (at the default configuration, when {@link AttackParameter.defaultFor} is set). */
  readonly default: number | string;
  /** Given only together with these values of other parameters (displace-and-count's `images` with `method` monte-carlo); elsewhere giving it is an error. */
  readonly onlyWith?: Readonly<Record<string, string>>;
  /** The default at a given configuration, when it depends on it (greedy-gain's actual gain must stay ≥ the declared G); it must lie in the domain for every valid configuration. */
  readonly defaultFor?: (config: ProtocolConfiguration) => number | string;
}

/** Values of an attack's own parameters, by name. @public */
export type AttackParameterValues = Readonly<Record<string, number | string>>;

/**
 * What kind of figure an attack's `bitsPerSymbol` is (docs/attacks.md#kinds):
 * - `achieved`: the information of a strategy the attacker really runs (a measurement and an
 *   estimator), computed in closed form or measured by simulation;
 * - `holevo`: a Holevo quantity (of a purification, of copies held jointly): an upper-bound-type
 *   figure, not shown to be reachable by any measurement;
 * - `model`: a figure that rests on a modelling assumption stated in its estimator (layer
 *   accumulation adds per-layer figures as if the layers leaked independently).
 * @public
 */
export type AttackFigureKind = 'achieved' | 'holevo' | 'model';

/** Every {@link AttackFigureKind}, in the order documented. @public */
export const ATTACK_FIGURE_KINDS: readonly AttackFigureKind[] = Object.freeze(['achieved', 'holevo', 'model'] as const);

/**
 * What an attack yields for one configuration. Per-symbol figures are per weight
 * symbol (client side) or per data symbol (server side), averaged over the symbols
 * of one layer (N·M weights, N data values).
 * @public
 */
export interface AttackOutcome {
  /** Registry name of the attack. */
  readonly attack: string;
  /** Its side. */
  readonly side: AttackSide;
  /** Information gained, bits per symbol. */
  readonly bitsPerSymbol: number;
  /** Information gained in total, bits (bitsPerSymbol × symbols). */
  readonly totalBits: number;
  /** How many symbols `totalBits` covers (weights of a layer, or data values of a layer). */
  readonly symbols: number;
  /** How `bitsPerSymbol` is obtained: the estimator, bound or simulation. */
  readonly estimator: string;
  /** Whether `bitsPerSymbol` is achieved by a strategy the attacker runs, a Holevo quantity, or a model figure ({@link AttackFigureKind}). */
  readonly kind: AttackFigureKind;
  /**
   * Upper estimate of the round-off in `bitsPerSymbol` beyond ~1e-15 relative (bits per
   * symbol): 0 for closed forms; the propagated eigenvalue error for state-level (engine)
   * evaluations. The contract allows the gain to exceed the bound by this much.
   */
  readonly numericalError: number;
  /** The rigorous bound of the attack's side at the disturbance it causes, bits per symbol. */
  readonly boundBitsPerSymbol: number;
  /** Which bound `boundBitsPerSymbol` is. */
  readonly bound: string;
  /** Excess noise it adds per mode beyond the honest protocol's, on a mode carrying data (SNU, output-referred). */
  readonly excessNoise: number;
  /** Loss it adds beyond the declared channel: ΔL = 1 − T_seen/T (power). */
  readonly lossIncrease: number;
  /** Probability that the checking party's finite-size test (m samples, confidence 1 − δ) detects it. For client attacks this is the per-mode test, which assumes a server that knows which modes are active; the row-total test a server can run without knowing x̂ is in `details.rowTotalDetection` (proofs/row-total-test.md). */
  readonly detectionProbability: number;
  /** True when the attack claims to reach the bound. */
  readonly optimal: boolean;
  /** Attack-specific figures (names say their units). */
  readonly details: Readonly<Record<string, number | string | boolean>>;
}

/**
 * An attack model: a plug-in of the attack library (docs/model.md#attacks). A new attack is one
 * file in `src/attacks/catalogue/` exporting an object of this shape, plus one line in
 * `src/attacks/registry.ts`; the contract suite (`test/attacks.contract.test.ts`)
 * then checks it. An object of this shape written outside qsdl, built from the attack kit
 * (`clientOutcome`, `passive`, `withKind`, …), runs without the registry. Call either through
 * `runAttack`, which validates and completes the arguments and checks the outcome.
 * @public
 */
export interface Attack {
  /** Registry name, kebab-case. */
  readonly name: string;
  /** Its side. */
  readonly side: AttackSide;
  /** One line: what it does. */
  readonly summary: string;
  /** True when it claims to reach the bound of its side (the contract then checks equality). */
  readonly claimsOptimal: boolean;
  /** The configuration fields it reads; giving any other on the CLI is an error. */
  readonly uses: readonly ConfigurationKey[];
  /** Its own parameters. */
  readonly parameters: readonly AttackParameter[];
  /** True when it runs the client's network (`context.network()`): the CLI then takes `--network`. @defaultValue false */
  readonly usesNetwork?: boolean;
  /** `slow` when one run takes seconds (a Monte Carlo on MNIST): the contract suite runs it on few configurations. */
  readonly cost: 'fast' | 'slow';
  /** Evaluate it. Arguments are validated and complete (defaults filled) when called through {@link runAttack}. */
  readonly evaluate: (config: ProtocolConfiguration, params: AttackParameterValues, context: AttackContext) => AttackEvaluation;
}

/**
 * What an attack may use besides the configuration: the trained network the client runs
 * (loaded only when an attack asks for it). @public
 */
export interface AttackContext {
  /** The client's network. @defaultValue the committed one (`committedNetwork()`) */
  readonly network: () => BiasFreeNetwork;
}

/** What an attack's `evaluate` returns: the outcome less the fields {@link runAttack} adds from the registry (name, side, optimality claim). @public */
export type AttackEvaluation = Omit<AttackOutcome, 'attack' | 'side' | 'optimal'>;

/** The defaults of {@link ProtocolConfiguration}: the paper-2024 operating point on one 784 × 784 layer. @public */
export const DEFAULT_CONFIGURATION: ProtocolConfiguration = Object.freeze({
  mu: 4,
  gain: 2,
  transmittance: 1,
  technicalNoise: 0,
  inputs: 784,
  rows: 784,
  activeFraction: 0.5,
  efficiency: 1,
  darkCounts: 0,
  queries: 1,
  clients: 1,
  samples: 1e6,
  delta: 1e-6,
  seed: 1,
});
