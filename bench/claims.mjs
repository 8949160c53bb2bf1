#!/usr/bin/env node
// The certified-audit benchmark (issues 10 and 11). Prints one JSON object on stdout (progress on stderr).
//   node bench/claims.mjs [--boxes B]
// 1. qsdl prove of the paper's weight claim (χ_W ≤ 0.1 bit) over μ ∈ [1e-3, 50], G ∈ [1.01, 3.5],
//    N ∈ [100, 1e4], T ∈ [0.5, 1] with a budget of B boxes (default 20 000), in a fresh process:
//    wall time and boxes per second. Goal: under 30 s on 2 cores.
// 2. qsdl check of that certificate with 1 and with 2 worker threads: wall time and decided boxes
//    re-verified per second. Goal: under 10 s.
// 3. The undecided band against the true boundary: at 200 random (G, N, T) the true μ* where
//    χ_W = 0.1 (bisection of the float64 library function) and the μ range the certificate leaves
//    open there; reports the band's width as a factor in μ (median, 90th percentile, largest) and
//    whether μ* lies inside it every time.
// 4. Scale (issue 11 part 4), all with `qsdl prove`/`qsdl check` in fresh processes:
//    - cores: prove on 1 core (one process, the whole region, B boxes) and on 2 cores (two shard
//      processes in parallel, B/2 boxes each — processes, not worker threads: the prover is
//      single-threaded and shards are how it uses more cores);
//    - shards: k = 1, 2, 4 shards of B/k boxes each, run 2 at a time (this machine has 2 cores),
//      wall time of all of them, then `qsdl check` of the set together (2 worker threads);
//    - memory: the same proof with --memory-boxes 1000 (open boxes beyond 1000 spill to disk):
//      wall time, peak resident memory of both runs (/usr/bin/time, when present), and whether the
//      two certificates are byte-identical.
// 5. The 6-D region (bench/weight-6d.claims.json): the 4-D region plus ε_tech ∈ [0, 1e-3] SNU and
//    the server's detector efficiency η ∈ [0.5, 1] (with a finite size, through which η enters):
//    prove with B boxes, `qsdl check` on 1 and 2 workers; decided and undecided volume fractions,
//    boxes per second, check time.
// Speed is measured here, never asserted in a test.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'qsdl.mjs');
const lib = await import(join(root, 'dist', 'index.js'));
const log = (s) => process.stderr.write(`bench: ${s}\n`);
const args = process.argv.slice(2);
const bi = args.indexOf('--boxes');
const boxes = bi < 0 ? 20000 : Number(args[bi + 1]);
if (!Number.isInteger(boxes) || boxes < 100 || boxes > 1e6) {
  process.stderr.write(`bench: --boxes must be an integer in [100, 1e6]; received ${JSON.stringify(args[bi + 1])}\n`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'qsdl-bench-claims-'));
const claimsPath = join(dir, 'claims.json');
const certPath = join(dir, 'certificate.json');
const region = { mu: [0.001, 50], gain: [1.01, 3.5], inputs: [100, 10000], transmittance: [0.5, 1] };
writeFileSync(claimsPath, JSON.stringify({ format: 'qsdl-claims/1', name: 'bench', claims: [{ id: 'weight-region', kind: 'weight-leakage', threshold: { fraction: 0.1 }, adversary: 'holevo', region, budget: { boxes, seconds: 600 } }] }));

function timed(argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error(`qsdl ${argv.join(' ')} exited ${r.status}`);
  }
  return { seconds, stdout: r.stdout };
}

/** GNU time, for the peak resident memory of a child (null where it is missing). */
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Run qsdl asynchronously; resolves with its stderr (GNU time's last line: max RSS in KiB) when it exits 0. */
function run(argv, measureMemory = false) {
  const [cmd, args] = measureMemory && gnuTime !== null ? [gnuTime, ['-f', '%M', process.execPath, bin, ...argv]] : [process.execPath, [bin, ...argv]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => { err += b; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`qsdl ${argv.join(' ')} exited ${code}: ${err}`))));
  });
}

/** Run jobs (functions returning promises) at most `width` at a time; resolves with the wall time in seconds. */
async function pool(jobs, width) {
  const t = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** A claims file of the 4-D weight region with a budget of `b` boxes. */
function regionClaims(path, b) {
  writeFileSync(path, JSON.stringify({ format: 'qsdl-claims/1', name: 'bench', claims: [{ id: 'weight-region', kind: 'weight-leakage', threshold: { fraction: 0.1 }, adversary: 'holevo', region, budget: { boxes: b, seconds: 600 } }] }));
}

const leafCount = (paths) => paths.reduce((n, p) => n + JSON.parse(readFileSync(p, 'utf8')).boxes.length, 0);
const decidedIn = (paths) => paths.reduce((n, p) => { const s = JSON.parse(readFileSync(p, 'utf8')).summary.boxes; return n + s.holds + s.fails; }, 0);

try {
  log(`prove (${boxes} boxes)…`);
  const prove = timed(['prove', claimsPath, '--out', certPath, '--quiet']);
  const cert = JSON.parse(readFileSync(certPath, 'utf8'));
  const decided = cert.summary.boxes.holds + cert.summary.boxes.fails;
  const checks = {};
  for (const workers of [1, 2]) {
    log(`check with ${workers} worker${workers > 1 ? 's' : ''}…`);
    const c = timed(['check', certPath, '--quiet', '--workers', String(workers)]);
    checks[workers] = { seconds: c.seconds, decidedBoxesPerSecond: decided / c.seconds };
  }

  // The undecided band along μ at random (G, N, T).
  log('undecided band…');
  const claim = lib.parseClaims(readFileSync(claimsPath, 'utf8')).claims[0];
  const { certificate } = lib.proveLeakageClaim(claim, 'bench');
  const leaves = certificate.boxes.map((b) => ({ verdict: b.verdict, box: lib.boxFromPath(claim.region, b.path) }));
  let seed = 20261205;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const chi = (mu, g, n, t) => lib.holevoWeightLeak({ mu, transmittance: t, excessNoise: (2 * (g - 1)) / (g * 0.5 * n) });
  const factors = [];
  let inside = 0;
  let samples = 0;
  for (let s = 0; s < 200; s += 1) {
    const g = 1.01 + rand() * 2.49;
    const n = 10 ** (2 + 2 * rand());
    const t = 0.5 + 0.5 * rand();
    if (chi(0.001, g, n, t) > 0.1 || chi(50, g, n, t) <= 0.1) continue; // no boundary on this line
    let a = 0.001;
    let b = 50;
    for (let i = 0; i < 200; i += 1) { const m = Math.sqrt(a * b); if (chi(m, g, n, t) <= 0.1) a = m; else b = m; }
    const line = leaves.filter((l) => l.verdict === 'unknown' && l.box.gain[0] <= g && g <= l.box.gain[1] && l.box.inputs[0] <= n && n <= l.box.inputs[1] && l.box.transmittance[0] <= t && t <= l.box.transmittance[1]);
    if (line.length === 0) continue;
    const lo = Math.min(...line.map((l) => l.box.mu[0]));
    const hi = Math.max(...line.map((l) => l.box.mu[1]));
    samples += 1;
    factors.push(hi / lo);
    if (lo <= a && b <= hi) inside += 1;
  }
  factors.sort((x, y) => x - y);

  // 4. Scale: shards (2 at a time) and cores.
  const shards = {};
  for (const k of [1, 2, 4]) {
    const claimsK = join(dir, `claims-${k}.json`);
    regionClaims(claimsK, Math.floor(boxes / k));
    const outs = Array.from({ length: k }, (_, i) => join(dir, `shard-${k}-${i + 1}.json`));
    log(`prove ${k} shard${k > 1 ? 's' : ''} of ${Math.floor(boxes / k)} boxes, 2 at a time…`);
    const wall = await pool(outs.map((out, i) => () => run(['prove', claimsK, '--out', out, '--quiet', ...(k > 1 ? ['--shard', `${i + 1}/${k}`] : [])])), 2);
    log(`check the ${k} shard${k > 1 ? 's' : ''} together…`);
    const c = timed(['check', ...outs, '--quiet', '--workers', '2']);
    const n = leafCount(outs);
    shards[k] = { boxesPerShard: Math.floor(boxes / k), boxes: n, proveWallSeconds: wall, boxesPerSecond: n / wall, checkSeconds: c.seconds, decided: decidedIn(outs), checkDecidedBoxesPerSecond: decidedIn(outs) / c.seconds };
  }
  const cores = {
    one: { how: 'one process, the whole region', boxes: certificate.boxes.length, seconds: prove.seconds, boxesPerSecond: certificate.boxes.length / prove.seconds },
    two: { how: 'two shard processes in parallel (B/2 boxes each)', boxes: shards[2].boxes, seconds: shards[2].proveWallSeconds, boxesPerSecond: shards[2].boxesPerSecond },
  };

  // Memory: the same proof with a cap of 1000 open boxes in memory.
  log('prove with --memory-boxes 1000…');
  const capped = join(dir, 'capped.json');
  const free = join(dir, 'free.json');
  const memory = {};
  for (const [name, out, extra] of [['default', free, []], ['cap1000', capped, ['--memory-boxes', '1000']]]) {
    const t = process.hrtime.bigint();
    const err = await run(['prove', claimsPath, '--out', out, '--quiet', ...extra], true);
    const kib = Number(err.trim().split('\n').pop());
    memory[name] = { seconds: Number(process.hrtime.bigint() - t) / 1e9, maxResidentMiB: gnuTime !== null && Number.isFinite(kib) ? kib / 1024 : null };
  }
  memory.identicalCertificates = readFileSync(capped, 'utf8') === readFileSync(free, 'utf8');

  // 5. The 6-D region.
  log(`prove the 6-D region (${boxes} boxes)…`);
  const six = JSON.parse(readFileSync(join(root, 'bench', 'weight-6d.claims.json'), 'utf8'));
  six.claims[0].budget = { boxes, seconds: 600 };
  const sixPath = join(dir, 'six.json');
  const sixCert = join(dir, 'six-certificate.json');
  writeFileSync(sixPath, JSON.stringify(six));
  const sixProve = timed(['prove', sixPath, '--out', sixCert, '--quiet']);
  const sc = JSON.parse(readFileSync(sixCert, 'utf8'));
  const sixDecided = sc.summary.boxes.holds + sc.summary.boxes.fails;
  const sixChecks = {};
  for (const workers of [1, 2]) {
    log(`check the 6-D certificate with ${workers} worker${workers > 1 ? 's' : ''}…`);
    const c = timed(['check', sixCert, '--quiet', '--workers', String(workers)]);
    sixChecks[workers] = { seconds: c.seconds, decidedBoxesPerSecond: sixDecided / c.seconds, confirmed: /every box confirmed/.test(c.stdout) };
  }
  const etaSplits = sc.boxes.filter((b) => (b.path.match(/../g) ?? []).some((step) => step[0] === '7')).length;
  const q = (p) => factors[Math.min(factors.length - 1, Math.floor(p * factors.length))];
  console.log(JSON.stringify({
    benchmark: 'certified audit (issue 10): the paper\'s weight claim χ_W ≤ 0.1 over μ ∈ [1e-3, 50], G ∈ [1.01, 3.5], N ∈ [100, 1e4], T ∈ [0.5, 1]',
    machine: { cores: (await import('node:os')).cpus().length, node: process.version },
    prove: { boxes: certificate.boxes.length, decided, seconds: prove.seconds, boxesPerSecond: certificate.boxes.length / prove.seconds, goalSeconds: 30, summary: cert.summary },
    check: { oneWorker: checks[1], twoWorkers: checks[2], goalSeconds: 10 },
    undecidedBand: { lines: samples, muFactor: { median: q(0.5), p90: q(0.9), max: factors[factors.length - 1] }, trueBoundaryInsideBand: `${inside}/${samples}`, volumeFraction: cert.summary.volume.unknown },
    scale: { cores, shards, memory },
    sixD: {
      region: 'μ ∈ [1e-3, 50], G ∈ [1.01, 3.5], N ∈ [100, 1e4], T ∈ [0.5, 1], ε_tech ∈ [0, 1e-3] SNU, η ∈ [0.5, 1]; finite size m = 1e6, δ = 1e-10',
      prove: { boxes: sc.boxes.length, decided: sixDecided, seconds: sixProve.seconds, boxesPerSecond: sc.boxes.length / sixProve.seconds, boxesSplitAlongEta: etaSplits, summary: sc.summary },
      check: { oneWorker: sixChecks[1], twoWorkers: sixChecks[2] },
    },
  }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
