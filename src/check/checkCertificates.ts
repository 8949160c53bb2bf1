/**
 * The independent certificate checker (docs/claims.md#checking). It re-verifies
 * certificates written by `qsdl prove` without trusting the prover: it recomputes the
 * hash, rebuilds every box from its bisection path and confirms that the boxes tile the
 * region exactly once (over a set of shards), recomputes each decisive enclosure with its
 * own decimal.js interval arithmetic (directed rounding) from its own formulas and its
 * own table of proven monotone directions, and confirms each verdict against the
 * threshold. It imports nothing from the prover (src/claims/) — a test enforces this.
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DN, UP } from './_internal/decimalInterval.js';
import { evaluateSafely, type EvalResult, type EvalTask } from './_internal/evaluate.js';
import { boxOfPath, CHECK_DIMENSIONS, treeProblem, type CheckBox } from './_internal/geometry.js';
import { canonical, digest } from './_internal/hash.js';

declare const __QSDL_BUNDLE__: boolean | undefined;

/** The checker's own table of proven monotone directions (proofs/certified-evaluation.md §4). */
const DIRECTIONS: Readonly<Record<string, Readonly<Record<string, 1 | -1>>>> = {
  'chi-w': { mu: 1, gain: 1, inputs: -1, transmittance: -1, technicalNoise: 1, efficiency: -1, queries: 1, clients: 1 },
  'chi-w-concentrated': { mu: 1, gain: 1, inputs: -1, transmittance: -1, technicalNoise: 1, efficiency: -1, queries: 1, clients: 1 },
  'chi-w-half': { mu: 1, gain: 1, inputs: -1, transmittance: -1, technicalNoise: 1, efficiency: -1, queries: 1, clients: 1 },
  'network-subadditive': { gain: 1, technicalPhotons: 1 },
  'layer-subadditive': { gain: 1, technicalPhotons: 1, rows: 1 },
  'displace-and-count': { gain: 1, technicalPhotons: 1, efficiency: 1, rows: 1, inputs: -1 },
  'paper-2024-cramer-rao': { gain: 1 },
  'paper-2025-revised': { gain: 1, rows: 1 },
};

/** Dimensions each quantity does not depend on at all: a region may vary only these and the ones in DIRECTIONS. */
const INDEPENDENT: Readonly<Record<string, readonly string[]>> = {
  'chi-w': [],
  'chi-w-concentrated': [],
  'chi-w-half': [],
  'network-subadditive': ['efficiency', 'rows'],
  'layer-subadditive': ['efficiency'],
  'displace-and-count': [],
  'paper-2024-cramer-rao': ['rows', 'efficiency'],
  'paper-2025-revised': ['efficiency'],
};

/** The checker's own domain of each dimension: [min, max, min excluded]. */
const DOMAIN: Readonly<Record<string, readonly [number, number, boolean]>> = {
  mu: [0, 1e12, true], gain: [1, 1e6, false], inputs: [1, 1e9, false], rows: [1, 1e10, false], transmittance: [0, 1, true],
  technicalNoise: [0, 10, false], technicalPhotons: [0, 100, false], efficiency: [0, 1, true], queries: [1, 1e9, false], clients: [1, 1e6, false],
};

/** Which quantities decide each adversary's claims: [holds, fails]. */
const ADVERSARY_QUANTITIES: Readonly<Record<string, readonly [string, string]>> = {
  holevo: ['chi-w-concentrated', 'chi-w'],
  'paper-2025-weight-model': ['chi-w-half', 'chi-w-half'],
  'holevo-network': ['network-subadditive', 'displace-and-count'],
  'holevo-layer': ['layer-subadditive', 'displace-and-count'],
  'paper-2024-data-model': ['paper-2024-cramer-rao', 'paper-2024-cramer-rao'],
  'paper-2025-data-model': ['paper-2025-revised', 'paper-2025-revised'],
};

const FORMAT = 'qsdl-certificate/1';

/** The result of checking one claim's certificates. @public */
export interface CheckedClaim {
  /** Claims file and claim id. */
  readonly claim: string;
  /** The verdict the certificates establish over what they cover. */
  readonly verdict: 'holds' | 'fails' | 'unknown';
  /** Boxes by verdict. */
  readonly boxes: Readonly<Record<'holds' | 'fails' | 'unknown', number>>;
  /** Decided boxes whose enclosure and verdict the checker confirmed. */
  readonly confirmed: number;
  /** Shards present, e.g. "1–4 of 4". */
  readonly shards: string;
  /** True when the boxes tile the whole region. */
  readonly complete: boolean;
  /** SHA-256 of each file, in the order given. */
  readonly hashes: readonly string[];
}

/** The result of a check. @public */
export interface CheckReport {
  /** True only when every box of every certificate is confirmed and every set covers its region exactly once. */
  readonly ok: boolean;
  /** One line per problem found (empty when ok). */
  readonly problems: readonly string[];
  /** What each claim's set of certificates shows. */
  readonly claims: readonly CheckedClaim[];
  /** Decided boxes evaluated per second. */
  readonly boxesPerSecond: number;
}

/** A certificate file given to the checker. @public */
export interface CertificateText {
  /** Where it comes from (a path), for messages. */
  readonly name: string;
  /** Its JSON text. */
  readonly text: string;
}

/** Options of {@link checkCertificates}. @public */
export interface CheckOptions {
  /** Accept a set of shards that does not cover the whole region (default false). */
  readonly allowPartial?: boolean | undefined;
  /** Worker threads (default: the machine's cores, at most 8; 1 = in this thread). */
  readonly workers?: number | undefined;
  /** Progress: (boxes evaluated, boxes to evaluate). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRange = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]) && v[0] <= v[1];

interface Parsed {
  readonly name: string;
  readonly doc: Json;
  readonly claim: Json;
  readonly region: CheckBox;
  readonly key: string;
  readonly shard: { index: number; count: number; roots: string[] };
  readonly boxes: Json[];
}

/** Structural check of one certificate; returns a problem line or the parsed parts. */
function parse(c: CertificateText): Parsed | string {
  let doc: unknown;
  try {
    doc = JSON.parse(c.text);
  } catch (e) {
    return `${c.name}: not JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  if (!isObj(doc)) return `${c.name}: a certificate is a JSON object`;
  if (doc.format !== FORMAT) return `${c.name}: format must be "${FORMAT}"; received ${JSON.stringify(doc.format)}`;
  if (typeof doc.sha256 !== 'string') return `${c.name}: sha256 is missing`;
  const h = digest(doc);
  if (h !== doc.sha256) return `${c.name}: sha256 does not match the content (stored ${String(doc.sha256).slice(0, 12)}…, computed ${h.slice(0, 12)}…): the file was changed after it was written`;
  const claim = doc.claim;
  if (!isObj(claim) || !isObj(claim.region) || !isObj(claim.threshold)) return `${c.name}: claim, claim.region and claim.threshold must be objects`;
  const region: CheckBox = {};
  for (const d of CHECK_DIMENSIONS) {
    const r = claim.region[d.name];
    if (!isRange(r)) return `${c.name}: claim.region.${d.name} must be a range [lo, hi] with lo ≤ hi; received ${JSON.stringify(r)}`;
    region[d.name] = r;
  }
  const shard = doc.shard;
  if (!isObj(shard) || !Number.isInteger(shard.index) || !Number.isInteger(shard.count) || !Array.isArray(shard.roots)) return `${c.name}: shard must be {index, count, roots}`;
  if (!Array.isArray(doc.boxes)) return `${c.name}: boxes must be an array`;
  if (!doc.boxes.every(isObj)) return `${c.name}: every box must be an object`;
  return {
    name: c.name,
    doc,
    claim,
    region,
    key: canonical({ claimsFile: doc.claimsFile, claim }),
    shard: { index: shard.index as number, count: shard.count as number, roots: shard.roots as string[] },
    boxes: doc.boxes as Json[],
  };
}

/** The worker script beside this module (the CLI bundle ships dist/check-worker.mjs), or null under a TypeScript test runner. */
function workerUrl(): URL | null {
  const url = typeof __QSDL_BUNDLE__ !== 'undefined' && __QSDL_BUNDLE__ ? new URL('./check-worker.mjs', import.meta.url) : new URL('./checkWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

async function evaluateAll(tasks: EvalTask[], workers: number, onProgress?: (done: number, total: number) => void): Promise<EvalResult[]> {
  const url = workerUrl();
  const n = Math.min(workers, Math.ceil(tasks.length / 200));
  if (url === null || n <= 1) {
    const out: EvalResult[] = [];
    for (let i = 0; i < tasks.length; i += 1) {
      out.push(evaluateSafely(tasks[i]!));
      if (i % 200 === 199) onProgress?.(i + 1, tasks.length);
    }
    return out;
  }
  const out: EvalResult[] = new Array<EvalResult>(tasks.length);
  const chunk = 250;
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: n }, () => new Worker(url));
  try {
    await Promise.all(pool.map(async (w) => {
      while (next < tasks.length) {
        const from = next;
        next = Math.min(tasks.length, next + chunk);
        const slice = tasks.slice(from, next);
        const reply = await new Promise<{ ok: boolean; results?: EvalResult[]; error?: string }>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage(slice);
        });
        w.removeAllListeners('error');
        if (!reply.ok) throw new RangeError(reply.error ?? 'worker failed');
        reply.results!.forEach((r, i) => {
          out[from + i] = r;
        });
        done += slice.length;
        onProgress?.(done, tasks.length);
      }
    }));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}

/**
 * Check certificates of leakage claims, alone or as sets of shards (docs/claims.md#checking).
 * @param files - certificate texts with their names
 * @param options - partial sets, workers, progress
 * @returns ok only if every decided box is confirmed and every set tiles its region exactly once
 * @public
 */
export async function checkCertificates(files: readonly CertificateText[], options: CheckOptions = {}): Promise<CheckReport> {
  const problems: string[] = [];
  const parsed: Parsed[] = [];
  for (const f of files) {
    const p = parse(f);
    if (typeof p === 'string') problems.push(p);
    else parsed.push(p);
  }
  const groups = new Map<string, Parsed[]>();
  for (const p of parsed) groups.set(p.key, [...(groups.get(p.key) ?? []), p]);

  interface Job { group: string; box: Json; verdict: string; name: string; thrLo: InstanceType<typeof DN>; thrHi: InstanceType<typeof UP> }
  const tasks: EvalTask[] = [];
  const jobs: Job[] = [];
  const claims: { key: string; claim: string; counts: Record<'holds' | 'fails' | 'unknown', number>; shards: string; complete: boolean; hashes: string[]; problemsBefore: number }[] = [];

  for (const [key, set] of groups) {
    const first = set[0]!;
    const claim = first.claim;
    const label = `${String(first.doc.claimsFile)}/${String(claim.id)}`;
    const before = problems.length;
    const count = first.shard.count;
    const seen = new Set<number>();
    for (const p of set) {
      if (p.shard.count !== count) problems.push(`${p.name}: shard count ${p.shard.count} differs from ${first.name}'s ${count}`);
      if (p.shard.index < 1 || p.shard.index > count) problems.push(`${p.name}: shard index ${p.shard.index} is outside 1…${count}`);
      if (seen.has(p.shard.index)) problems.push(`${p.name}: shard ${p.shard.index} of ${count} is given twice`);
      seen.add(p.shard.index);
    }
    const complete = seen.size === count;
    if (!complete && options.allowPartial !== true) {
      const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
      problems.push(`${label}: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing: the region is not covered (give every shard, or --allow-partial)`);
    }
    const pair = ADVERSARY_QUANTITIES[String(claim.adversary)];
    if (pair === undefined) {
      problems.push(`${label}: adversary ${JSON.stringify(claim.adversary)} is not one the checker knows`);
      continue;
    }
    const model = first.doc.model as Json | undefined;
    const upperName = isObj(model) && isObj(model.upper) ? model.upper.name : undefined;
    const lowerName = isObj(model) && isObj(model.lower) ? model.lower.name : undefined;
    if (upperName !== pair[0] || lowerName !== pair[1]) problems.push(`${label}: model names ${String(upperName)}/${String(lowerName)}; the checker decides this adversary with ${pair[0]}/${pair[1]}`);
    for (const [which, name] of [['upper', pair[0]], ['lower', pair[1]]] as const) {
      const stored = isObj(model) && isObj(model[which]) ? (model[which] as Json).directions : undefined;
      if (canonical(stored) !== canonical(DIRECTIONS[name])) problems.push(`${label}: the ${which} quantity's monotone directions ${canonical(stored)} are not the proven ones ${canonical(DIRECTIONS[name])}`);
    }
    const thr = claim.threshold as Json;
    if (!isNum(thr.fraction) || !isNum(thr.bitsPerSymbol)) {
      problems.push(`${label}: threshold.fraction and threshold.bitsPerSymbol must be numbers`);
      continue;
    }
    const thrLo = DN.mul(String(thr.fraction), String(thr.bitsPerSymbol));
    const thrHi = UP.mul(String(thr.fraction), String(thr.bitsPerSymbol));
    const f = claim.activeFraction;
    const fsRaw = claim.finiteSize;
    const finiteSize = isObj(fsRaw) && isNum(fsRaw.samples) && isNum(fsRaw.delta) ? { samples: fsRaw.samples, delta: fsRaw.delta } : null;
    if (fsRaw !== undefined && finiteSize === null) problems.push(`${label}: finiteSize must be {samples, delta}`);
    const layers = Array.isArray(claim.layers) ? (claim.layers as { inputs: number; rows: number }[]) : null;
    if (!isNum(f) || !(f > 0 && f <= 1)) problems.push(`${label}: activeFraction must be in (0, 1]`);
    if (pair[0] === 'network-subadditive') {
      const okLayers = layers !== null && layers.length > 0 && layers.length <= 64 && layers.every((l) => isObj(l) && Number.isInteger(l.inputs) && Number.isInteger(l.rows) && l.inputs >= 1 && l.rows >= 1 && l.inputs <= 1e9 && l.rows <= 1e10);
      if (!okLayers) problems.push(`${label}: a network claim needs layers [{inputs, rows}, …] of positive integers (at most 64)`);
      else {
        layers.forEach((l, i) => {
          if (i > 0 && l.inputs !== layers[i - 1]!.rows) problems.push(`${label}: layer ${i + 1} takes ${l.inputs} inputs but layer ${i} gives ${layers[i - 1]!.rows}`);
        });
        const r = first.region;
        if (r.inputs![0] !== layers[0]!.inputs || r.inputs![1] !== layers[0]!.inputs || r.rows![0] !== layers[0]!.rows || r.rows![1] !== layers[0]!.rows) problems.push(`${label}: the region's N and M must be the first layer's ${layers[0]!.inputs} and ${layers[0]!.rows}`);
      }
    }
    if (finiteSize !== null && !(Number.isInteger(finiteSize.samples) && finiteSize.samples >= 2 && finiteSize.delta > 0 && finiteSize.delta < 1 && finiteSize.samples - 1 > 4 * Math.log(1 / finiteSize.delta))) problems.push(`${label}: finiteSize needs an integer m ≥ 2, δ in (0, 1) and m − 1 > 4·ln(1/δ); received ${JSON.stringify(fsRaw)}`);
    const storedThr = first.doc.thresholdBits;
    if (!isNum(storedThr) || !(Math.abs(storedThr - thr.fraction * thr.bitsPerSymbol) <= 1e-15 * Math.abs(storedThr))) problems.push(`${label}: thresholdBits ${JSON.stringify(storedThr)} is not threshold.fraction × threshold.bitsPerSymbol`);
    for (const d of CHECK_DIMENSIONS) {
      const r = first.region[d.name]!;
      const [min, max, open] = DOMAIN[d.name]!;
      if (r[0] < min || r[1] > max || (open && r[0] === min)) problems.push(`${label}: claim.region.${d.name} [${r[0]}, ${r[1]}] leaves its domain ${open ? '(' : '['}${min}, ${max}]`);
      if (r[0] === r[1]) continue;
      for (const q of pair) {
        if (DIRECTIONS[q]![d.name] === undefined && !INDEPENDENT[q]!.includes(d.name)) problems.push(`${label}: the region varies ${d.name}, in which ${q} is not proven monotone`);
      }
    }
    const nMin = isNum(f) ? f * first.region.inputs![0] : Number.NaN;
    if (pair[0] === 'paper-2024-cramer-rao' && !(nMin > 2)) problems.push(`${label}: the paper-2024 model is monotone in G only for n = activeFraction·N > 2; n = ${nMin}`);
    if (pair[1] === 'displace-and-count' && !(nMin >= 1)) problems.push(`${label}: displace-and-count needs n = activeFraction·N ≥ 1; n = ${nMin}`);
    // A claim that is malformed is not evaluated box by box (its numbers could not mean anything), only its tiling is checked.
    const claimSound = problems.length === before;
    const counts = { holds: 0, fails: 0, unknown: 0 };
    const paths: string[] = [];
    const varying = CHECK_DIMENSIONS.map((d) => d.name).filter((d) => first.region[d]![0] < first.region[d]![1]);
    for (const p of set) {
      if (canonical(p.claim) !== canonical(claim)) problems.push(`${p.name}: its claim differs from ${first.name}'s`);
      for (const b of p.boxes) {
        const path = b.path;
        if (typeof path !== 'string' || !/^([0-9][01])*$/.test(path)) {
          problems.push(`${p.name}: a box has a malformed path ${JSON.stringify(path)}`);
          continue;
        }
        if (!p.shard.roots.some((r) => path.startsWith(r))) problems.push(`${p.name}: box ${path} lies outside the shard's roots`);
        paths.push(path);
        const box = boxOfPath(first.region, path);
        if (box === null) {
          problems.push(`${p.name}: box ${path} cannot be cut out of the region`);
          continue;
        }
        const verdict = b.verdict;
        if (verdict !== 'holds' && verdict !== 'fails' && verdict !== 'unknown') {
          problems.push(`${p.name}: box ${path}: verdict ${JSON.stringify(verdict)} is not holds, fails or unknown`);
          continue;
        }
        counts[verdict] += 1;
        if (verdict === 'unknown') continue;
        const qname = verdict === 'holds' ? pair[0] : pair[1];
        if ((qname === 'paper-2024-cramer-rao' || qname === 'paper-2025-revised') && box.technicalPhotons![1] !== 0) {
          problems.push(`${p.name}: box ${path} is decided by the paper's data model, which has no technical noise, but the box has t up to ${box.technicalPhotons![1]}`);
          continue;
        }
        const dirs = DIRECTIONS[qname]!;
        const side = verdict === 'holds' ? 1 : -1;
        const point: Record<string, number> = {};
        for (const d of CHECK_DIMENSIONS) point[d.name] = (dirs[d.name] ?? 1) * side > 0 ? box[d.name]![1] : box[d.name]![0];
        const at = isObj(b.at) ? b.at : {};
        const atBad = varying.find((d) => at[d] !== point[d]);
        if (atBad !== undefined) problems.push(`${p.name}: box ${path}: the deciding point has ${atBad} = ${JSON.stringify(at[atBad])}, but the proven monotonicity puts it at ${point[atBad]}`);
        if (!claimSound) continue;
        tasks.push({ quantity: qname, point, activeFraction: f as number, layers, finiteSize, need: 'both' });
        jobs.push({ group: key, box: b, verdict, name: `${p.name}: box ${path}`, thrLo, thrHi });
      }
    }
    const tree = treeProblem(paths, complete);
    if (tree !== null) problems.push(`${label}: ${tree}`);
    const shardsText = complete ? (count === 1 ? 'whole region' : `1–${count} of ${count}`) : `${[...seen].sort((a, b) => a - b).join(', ')} of ${count}`;
    claims.push({ key, claim: label, counts, shards: shardsText, complete, hashes: set.map((p) => String(p.doc.sha256)), problemsBefore: before });
  }

  const start = performance.now();
  const results = await evaluateAll(tasks, Math.max(1, Math.min(8, options.workers ?? availableParallelism())), options.onProgress);
  const seconds = (performance.now() - start) / 1000;
  const confirmed = new Map<string, number>();
  const confirmedFails = new Map<string, number>();
  results.forEach((r, i) => {
    const job = jobs[i]!;
    if (r[0] === 'error') {
      problems.push(`${job.name}: cannot be evaluated (${r[1]})`);
      return;
    }
    const lo = new DN(r[0]);
    const hi = new UP(r[1]);
    const enc = job.box.enclosure;
    if (!isRange(enc)) {
      problems.push(`${job.name}: enclosure must be [lo, hi]`);
      return;
    }
    // The stored enclosure must agree with the checker's: the two intervals must overlap.
    if (new DN(String(enc[1])).lt(lo) || new UP(String(enc[0])).gt(hi)) {
      problems.push(`${job.name}: stored enclosure [${enc[0]}, ${enc[1]}] disagrees with the checker's [${lo.toSignificantDigits(17).toString()}, ${hi.toSignificantDigits(17).toString()}]`);
      return;
    }
    if (job.verdict === 'holds' && !hi.lte(job.thrLo)) {
      problems.push(`${job.name}: marked holds, but the checker's upper bound ${hi.toSignificantDigits(17).toString()} is not ≤ the threshold ${job.thrLo.toString()}`);
      return;
    }
    if (job.verdict === 'fails' && !lo.gt(job.thrHi)) {
      problems.push(`${job.name}: marked fails, but the checker's lower bound ${lo.toSignificantDigits(17).toString()} is not > the threshold ${job.thrHi.toString()}`);
      return;
    }
    confirmed.set(job.group, (confirmed.get(job.group) ?? 0) + 1);
    if (job.verdict === 'fails') confirmedFails.set(job.group, (confirmedFails.get(job.group) ?? 0) + 1);
  });

  const out: CheckedClaim[] = claims.map((c) => ({
    claim: c.claim,
    // Only confirmed boxes count: a claim fails when a fails box is confirmed, holds when every box is a confirmed holds box.
    verdict: (confirmedFails.get(c.key) ?? 0) > 0 ? 'fails' : c.counts.unknown === 0 && c.counts.fails === 0 && c.complete && (confirmed.get(c.key) ?? 0) === c.counts.holds ? 'holds' : 'unknown',
    boxes: c.counts,
    confirmed: confirmed.get(c.key) ?? 0,
    shards: c.shards,
    complete: c.complete,
    hashes: c.hashes,
  }));
  for (const c of out) {
    const stored = groups.get(claims.find((x) => x.claim === c.claim)!.key)!;
    for (const p of stored) {
      const s = p.doc.summary;
      if (c.complete && stored.length === 1 && isObj(s) && s.verdict !== c.verdict) problems.push(`${p.name}: summary says ${String(s.verdict)}, the boxes say ${c.verdict}`);
    }
  }
  return { ok: problems.length === 0 && files.length > 0, problems: files.length === 0 ? ['no certificate given'] : problems, claims: out, boxesPerSecond: tasks.length / Math.max(seconds, 1e-9) };
}
