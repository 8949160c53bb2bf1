import AjvModule, { type ErrorObject } from 'ajv/dist/2020.js';
import { InputRangeError, InputTypeError } from '../inputError.js';
import { CLAIMS_SCHEMA } from './claimsSchema.js';
import { CLAIM_DIMENSIONS, type AccuracyClaim, type AttackClaim, type Claim, type ClaimLayer, type ClaimsFile, type LeakageClaim } from './claim.js';
import type { Attack } from '../attacks/attack.js';
import { getAttack } from '../attacks/registry.js';
import { resolveAttackParameters } from '../attacks/resolveAttackParameters.js';
import { isInputError } from '../inputError.js';
import { DIMENSIONS, DIMENSION_NAMES, type Box, type DimensionName, type Range } from './dimensions.js';

/** Largest claims file accepted (bytes): a claims file is a page of data, never a program. @public */
export const MAX_CLAIMS_BYTES = 1_000_000;
/** Deepest nesting of arrays and objects accepted (the schema's deepest is 6). @public */
export const MAX_CLAIMS_DEPTH = 12;

/** Defaults a claim gets where the file is silent (docs/claims.md#format). @public */
export const CLAIM_DEFAULTS = Object.freeze({
  /** f or p, the active fraction (the paper's effective n = N/2). */
  activeFraction: 0.5,
  /** b, bits per symbol. */
  bitsPerSymbol: 1,
  /** Boxes in a certificate. */
  boxes: 20_000,
  /** Seconds of splitting. */
  seconds: 120,
  /** Accuracy: MNIST test images, seed, confidence. */
  images: 10_000,
  /** Accuracy: noise seed. */
  seed: 1,
  /** Accuracy: confidence of the Clopper–Pearson interval. */
  confidence: 0.99,
  /** The network an accuracy or whole-network claim names. */
  network: 'committed',
});

/** A claims file error: the file is not a valid claims file; the message names the JSON path. @public */
export class ClaimsFileError extends InputRangeError {
  constructor(message: string) {
    super(message);
    // The base class fixes `name` as a literal; this class names itself in String(error).
    Object.defineProperty(this, 'name', { value: 'ClaimsFileError' });
  }
}

/** Resolves a network name (`committed` or a path) to its layer shapes. @public */
export type NetworkShapes = (network: string) => readonly ClaimLayer[];

type AjvCtor = new (opts: object) => { compile: (schema: object) => ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } };
const Ajv = ((AjvModule as unknown as { default?: AjvCtor }).default ?? AjvModule) as unknown as AjvCtor;
let validator: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

/** "/claims/0/region/mu" → "claims[0].region.mu". */
function jsonPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '$';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : `.${p}`;
  return out === '$' ? '$ (the top level)' : out.slice(2);
}

/** The value at a JSON pointer, shown in at most 60 characters. */
function valueAt(data: unknown, pointer: string): string {
  let v: unknown = data;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  const text = v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v);
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}

/** The most specific schema error, in one line, with the value received. */
function describe(errors: readonly ErrorObject[], data: unknown): string {
  // The deepest error wins; `if` and `anyOf` wrappers say nothing of their own. Where a value could be
  // one of several forms (an adversary: a name or an attack object), the form of the value decides.
  const candidates = errors.filter((x) => x.keyword !== 'if' && x.keyword !== 'anyOf');
  const depth = (x: ErrorObject) => x.instancePath.split('/').length;
  const isObject = (x: ErrorObject) => valueAt(data, x.instancePath).startsWith('{');
  const rank = (x: ErrorObject) => (x.keyword === 'enum' ? (isObject(x) ? 2 : 0) : x.keyword === 'type' && !isObject(x) ? 3 : 1);
  const e = [...(candidates.length > 0 ? candidates : errors)].sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0]!;
  const at = jsonPath(e.instancePath);
  const received = `; received ${valueAt(data, e.instancePath)}`;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}: unknown field "${String((e.params as { additionalProperty: string }).additionalProperty)}"`;
    case 'required':
      return `${at}: missing field "${String((e.params as { missingProperty: string }).missingProperty)}"`;
    case 'enum':
      return `${at}: must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}${received}`;
    case 'const':
      return `${at}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}${received}`;
    case 'type':
      return `${at}: must be ${String((e.params as { type: string | string[] }).type).replace('number,array', 'a number or [lo, hi]')}${received}`;
    default:
      return `${at}: ${e.message ?? 'is invalid'}${received}`;
  }
}

/** Nesting depth of JSON text, without parsing it (strings skipped). */
function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, (depth += 1));
    else if (c === 93 || c === 125) depth -= 1;
  }
  return max;
}

function fail(path: string, message: string): never {
  throw new ClaimsFileError(`${path}: ${message}`);
}

function toRange(v: number | readonly number[], path: string, dim: DimensionName): Range {
  const info = DIMENSIONS[DIMENSION_NAMES.indexOf(dim)]!;
  const r: Range = typeof v === 'number' ? [v, v] : [v[0]!, v[1]!];
  const allowed = `${info.openBelow ? '(' : '['}${info.min}, ${info.max}]`;
  for (const x of r) {
    if (!Number.isFinite(x) || x < info.min || x > info.max || (info.openBelow && x === info.min)) fail(path, `${info.label} must lie in ${allowed}; received ${JSON.stringify(v)}`);
  }
  if (r[0] > r[1]) fail(path, `the range is inverted: lo ${r[0]} > hi ${r[1]} (${info.label})`);
  return r;
}

/** The full region: given dimensions, defaults for the others (fixed). */
function regionOf(raw: Readonly<Record<string, number | readonly number[]>>, path: string, kind: LeakageClaim['kind'], fixed: Partial<Record<DimensionName, number>>): Box {
  const allowed = CLAIM_DIMENSIONS[kind];
  const defaults: Record<DimensionName, number> = { mu: 1, gain: 1, inputs: 784, rows: 784, transmittance: 1, technicalNoise: 0, technicalPhotons: 0, efficiency: 1, queries: 1, clients: 1, ...fixed };
  const box = {} as Record<DimensionName, Range>;
  for (const d of DIMENSION_NAMES) box[d] = [defaults[d], defaults[d]];
  if (raw.transmittance !== undefined && raw.lossDb !== undefined) fail(`${path}.lossDb`, 'give transmittance or lossDb, not both');
  for (const [key, v] of Object.entries(raw)) {
    if (key === 'lossDb') {
      const db = typeof v === 'number' ? [v, v] : [v[0]!, v[1]!];
      if (!(db[0]! >= 0 && db[1]! <= 100 && db[0]! <= db[1]!)) fail(`${path}.lossDb`, `loss must be a range in [0, 100] dB with lo ≤ hi; received ${JSON.stringify(v)}`);
      // T = 10^(−dB/10), rounded outward by one part in 2^50 so the box contains every T of the dB range.
      const lo = 10 ** (-db[1]! / 10) * (1 - 2 ** -50);
      const hi = Math.min(1, 10 ** (-db[0]! / 10) * (1 + 2 ** -50));
      box.transmittance = [lo, hi];
      continue;
    }
    const d = key as DimensionName;
    if (!allowed.includes(d)) fail(`${path}.${key}`, `a ${kind} claim cannot span ${key}`);
    box[d] = toRange(v, `${path}.${key}`, d);
  }
  return box;
}

type RawClaim = Record<string, unknown> & { id: string; kind: Claim['kind'] };

/** A registered attack as a claim's adversary: known, on the claim's side, with parameters it accepts. */
function checkAttackAdversary(raw: RawClaim, path: string): AttackClaim['adversary'] {
  const adv = raw.adversary as { attack: string; parameters?: Record<string, string | number> };
  let attack: Attack;
  try {
    attack = getAttack(adv.attack);
  } catch (e) {
    fail(`${path}.adversary.attack`, (e as Error).message);
  }
  const side = raw.kind === 'data-leakage' ? 'server' : 'client';
  if (attack.side !== side) fail(`${path}.adversary.attack`, `${raw.kind} claims need a ${side}-side attack; "${adv.attack}" is a ${attack.side}-side attack`);
  const parameters = adv.parameters ?? {};
  try {
    resolveAttackParameters(attack, parameters);
  } catch (e) {
    if (isInputError(e)) fail(`${path}.adversary.parameters`, (e as Error).message);
    throw e;
  }
  return { attack: attack.name, parameters };
}

function leakageClaim(raw: RawClaim, path: string, shapes: NetworkShapes | undefined): LeakageClaim | AttackClaim {
  const kind = raw.kind as LeakageClaim['kind'];
  const threshold = raw.threshold as { fraction: number; bitsPerSymbol?: number };
  const budgetRaw = (raw.budget ?? {}) as { boxes?: number; seconds?: number };
  const regionRaw = raw.region as Record<string, number | number[]>;
  const adversary = raw.adversary as LeakageClaim['adversary'];
  let layers: readonly ClaimLayer[] | undefined;
  let network: string | undefined;
  const fixed: Partial<Record<DimensionName, number>> = {};
  const attack = typeof raw.adversary === 'object' ? checkAttackAdversary(raw, path) : null;
  if (attack !== null && raw.network !== undefined) fail(`${path}.network`, 'a claim against a registered attack names no network (the attack takes --network as a parameter where it has one)');
  if (attack !== null && regionRaw.technicalPhotons !== undefined) fail(`${path}.region.technicalPhotons`, 'a registered attack takes no technical photons (its configuration has technicalNoise, in SNU, for weight claims)');
  if (attack !== null && kind !== 'data-leakage' && regionRaw.efficiency !== undefined) fail(`${path}.region.efficiency`, 'a registered attack on the weights takes no server detector efficiency (η enters a weight claim only through its finite-size limit)');
  if (kind === 'data-leakage' && attack === null) {
    if (adversary === 'holevo-network') {
      network = (raw.network as string | undefined) ?? CLAIM_DEFAULTS.network;
      if (shapes === undefined) fail(`${path}.network`, 'a whole-network claim needs its network\'s layer shapes, and no network loader was given');
      layers = shapes(network);
      if (regionRaw.inputs !== undefined || regionRaw.rows !== undefined) fail(`${path}.region`, 'a whole-network claim takes N and M from its network; do not give inputs or rows');
      fixed.inputs = layers[0]!.inputs;
      fixed.rows = layers[0]!.rows;
    } else {
      if (raw.network !== undefined) fail(`${path}.network`, 'only a holevo-network claim names a network');
      if (regionRaw.inputs === undefined || (adversary !== 'paper-2024-data-model' && regionRaw.rows === undefined)) fail(`${path}.region`, `a ${adversary} claim needs inputs N${adversary !== 'paper-2024-data-model' ? ' and rows M' : ''}`);
    }
    const f = (raw.activeFraction as number | undefined) ?? CLAIM_DEFAULTS.activeFraction;
    const nMin = typeof regionRaw.inputs === 'number' ? regionRaw.inputs : Array.isArray(regionRaw.inputs) ? regionRaw.inputs[0]! : fixed.inputs!;
    if ((adversary === 'holevo-network' || adversary === 'holevo-layer') && !(f * nMin >= 1)) fail(`${path}.activeFraction`, `the counting attack needs n = p·N ≥ 1 active pixels; received p·N = ${f * nMin}`);
    if (adversary === 'paper-2024-data-model' && !(f * nMin > 2)) fail(`${path}.region.inputs`, `the paper-2024 model is monotone in G only for n = f·N > 2; received f·N = ${f * nMin}`);
    if ((adversary === 'paper-2024-data-model' || adversary === 'paper-2025-data-model') && regionRaw.technicalPhotons !== undefined) fail(`${path}.region.technicalPhotons`, 'the paper\'s data models have no technical noise');
    if (Array.isArray(regionRaw.inputs) && regionRaw.inputs[0] !== regionRaw.inputs[1]) fail(`${path}.region.inputs`, 'a data claim fixes N to one value (the bound\'s monotonicity in N is not proven; proofs/certified-evaluation.md §4)');
  }
  if (kind === 'lifetime' && regionRaw.queries === undefined && regionRaw.clients === undefined) fail(`${path}.region`, 'a lifetime claim gives queries Q or clients K');
  const region = regionOf(regionRaw, `${path}.region`, kind, fixed);
  let finiteSize: LeakageClaim['finiteSize'];
  if (raw.finiteSize !== undefined) {
    const fs = raw.finiteSize as { samples: number; delta: number };
    // The Laurent–Massart factor needs m − 1 > 4·ln(1/δ).
    if (!(fs.samples - 1 > 4 * Math.log(1 / fs.delta))) fail(`${path}.finiteSize.samples`, `m must exceed 1 + 4·ln(1/δ) = ${(1 + 4 * Math.log(1 / fs.delta)).toPrecision(4)} for δ = ${fs.delta}; received ${fs.samples}`);
    finiteSize = { samples: fs.samples, delta: fs.delta };
  }
  return {
    id: raw.id,
    kind,
    statement: (raw.statement as string | undefined) ?? '',
    threshold: { fraction: threshold.fraction, bitsPerSymbol: threshold.bitsPerSymbol ?? CLAIM_DEFAULTS.bitsPerSymbol },
    adversary: attack ?? adversary,
    region,
    activeFraction: (raw.activeFraction as number | undefined) ?? CLAIM_DEFAULTS.activeFraction,
    ...(layers === undefined ? {} : { layers, network }),
    ...(finiteSize === undefined ? {} : { finiteSize }),
    budget: { boxes: budgetRaw.boxes ?? CLAIM_DEFAULTS.boxes, seconds: budgetRaw.seconds ?? CLAIM_DEFAULTS.seconds },
  };
}

function accuracyClaim(raw: RawClaim): AccuracyClaim {
  return {
    id: raw.id,
    kind: 'accuracy',
    statement: (raw.statement as string | undefined) ?? '',
    minPercent: raw.minPercent as number,
    points: (raw.points as { mu: number; gain: number }[]).map((p) => ({ mu: p.mu, gain: p.gain })),
    network: (raw.network as string | undefined) ?? CLAIM_DEFAULTS.network,
    images: (raw.images as number | undefined) ?? CLAIM_DEFAULTS.images,
    seed: (raw.seed as number | undefined) ?? CLAIM_DEFAULTS.seed,
    confidence: (raw.confidence as number | undefined) ?? CLAIM_DEFAULTS.confidence,
  };
}

/**
 * Read a claims file (docs/claims.md#format): size and depth capped, validated against
 * {@link CLAIMS_SCHEMA} with ajv, then checked for what the schema cannot say (ranges in
 * their dimension's domain and not inverted, which dimensions a kind may span, unique
 * ids). A claims file is data: nothing in it is evaluated.
 * @param text - the file's text (UTF-8)
 * @param shapes - loads a network's layer shapes for whole-network data claims
 * @returns the claims, complete with defaults
 * @throws ClaimsFileError naming the JSON path, what is allowed and what was found
 * @example parseClaims('{"format":"qsdl-claims/1","name":"x","claims":[{"id":"w","kind":"weight-leakage","threshold":{"fraction":0.1},"adversary":"holevo","region":{"mu":4,"gain":2,"inputs":784}}]}').claims.length // returns 1
 * @public
 */
export function parseClaims(text: string, shapes?: NetworkShapes): ClaimsFile {
  if (typeof text !== 'string') throw new InputTypeError(`claims file text must be a string; received ${typeof text}`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CLAIMS_BYTES) throw new ClaimsFileError(`claims file is ${bytes} bytes; at most ${MAX_CLAIMS_BYTES} are accepted (a claims file is a page of data)`);
  const depth = depthOf(text);
  if (depth > MAX_CLAIMS_DEPTH) throw new ClaimsFileError(`claims file nests ${depth} levels deep; at most ${MAX_CLAIMS_DEPTH} are accepted`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ClaimsFileError(`claims file is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  validator ??= new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(CLAIMS_SCHEMA);
  if (!validator(data)) throw new ClaimsFileError(describe(validator.errors ?? [], data));
  const file = data as { name: string; source?: string; claims: RawClaim[] };
  const ids = new Set<string>();
  const claims = file.claims.map((raw, i): Claim => {
    const path = `claims[${i}]`;
    if (ids.has(raw.id)) fail(`${path}.id`, `"${raw.id}" is used twice; ids must be unique`);
    ids.add(raw.id);
    return raw.kind === 'accuracy' ? accuracyClaim(raw) : leakageClaim(raw, path, shapes);
  });
  return { name: file.name, source: file.source ?? '', claims };
}
