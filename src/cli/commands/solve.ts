import type { Command } from 'commander';
import { networkDataLeakShapes } from '../../bounds/networkDataLeakBound.js';
import { DATA_ADVERSARIES, type DataAdversary } from '../../claims/claim.js';
import { solveOperatingPoint } from '../../claims/solveOperatingPoint.js';
import { formatTable, verdictWord } from '../../render/table.js';
import { QSDL_VERSION } from '../../version.js';
import { UsageError, verdictExit } from '../_internal/errors.js';
import { loadMnistData, loadNetworkFlag, networkOption } from '../_internal/networkFlag.js';
import { parseInDomain, type Domain } from '../_internal/numericOption.js';
import { progressOn, withBarAsync } from '../_internal/progress.js';
import { quietOption, type CliIo } from './common.js';

const num = (flag: string, v: string | undefined, d: Domain, dflt: number) => (v === undefined ? dflt : parseInDomain(flag, v, d));

function range(flag: string, v: string | undefined, d: Domain, dflt: readonly [number, number]): readonly [number, number] {
  if (v === undefined) return dflt;
  const parts = v.split(':');
  if (parts.length !== 2) throw new UsageError(`${flag} must be LO:HI, e.g. 1.01:3.5; received ${JSON.stringify(v.slice(0, 40))}`);
  const lo = parseInDomain(`${flag} (lo)`, parts[0]!, d);
  const hi = parseInDomain(`${flag} (hi)`, parts[1]!, d);
  if (lo > hi) throw new UsageError(`${flag} is inverted: ${lo} > ${hi}`);
  return [lo, hi];
}

interface Opts { maxWeightBits?: string; maxDataBits?: string; minAccuracy?: string; mu?: string; gain?: string; inputs?: string; transmittance?: string; activeFraction?: string; dataAdversary?: string; network?: string; images?: string; seed?: string; confidence?: string; gains?: string; json?: boolean; quiet?: boolean }

/** Register `qsdl solve`: the operating-point solver (docs/claims.md#solve). @internal */
export function registerSolve(program: Command, io: CliIo): void {
  const cmd = program
    .command('solve')
    .description('find the (μ, G) operating points that meet a weight limit (χ_W, certified), a data limit (bound certifies, attack refutes) and an accuracy (statistical), and the cheapest in photons per weight symbol — or show there is none; exit 0 feasible, 3 empty, 4 undecided (about 5 s: one accuracy curve on the test images)')
    .option('--max-weight-bits <B>', 'χ_W limit, bits per weight symbol ((0, 64]; default 0.1)')
    .option('--max-data-bits <B>', 'data leakage limit, bits per data symbol ((0, 64]; default 0.01)')
    .option('--min-accuracy <PCT>', 'accuracy at least, percent ([0, 100]; default 96)')
    .option('--mu <LO:HI>', 'μ range, photons per weight symbol ((0, 1e12]; default 0.001:10000)')
    .option('--gain <LO:HI>', 'G range ((1, 1e6]; default 1.0001:10)')
    .option('--inputs <N>', 'inputs per row N ({1, …, 1e9}; default 784)')
    .option('--transmittance <T>', 'round-trip power transmittance ((0, 1]; default 1)')
    .option('--active-fraction <F>', 'f in ε = 2(G − 1)/(G·f·N), and the data prior p ((0, 1]; default 0.5)')
    .option('--data-adversary <NAME>', `${DATA_ADVERSARIES.join(', ')} (default holevo-network: the whole network's bound, displace-and-count attack)`)
    .option('--images <N>', 'MNIST test images for the accuracy ({100, …, 10000}; default 10000)')
    .option('--seed <S>', 'noise seed, an integer in [0, 2^31 − 2] (the check at the cheapest point uses seed + 1; default 1)')
    .option('--confidence <C>', 'confidence of each Clopper–Pearson interval ([0.5, 1); default 0.99)')
    .option('--gains <K>', 'gains examined, log-spaced in G − 1 ({2, …, 1000}; default 48)')
    .option('--json', 'print one JSON object');
  networkOption(cmd);
  quietOption(cmd);
  cmd.action(async (opts: Opts) => {
    const bits: Domain = { min: 0, max: 64, openMin: true };
    const adversary = (opts.dataAdversary ?? 'holevo-network') as DataAdversary;
    if (!(DATA_ADVERSARIES as readonly string[]).includes(adversary)) throw new UsageError(`--data-adversary must be one of ${DATA_ADVERSARIES.join(', ')}; received ${JSON.stringify(adversary.slice(0, 40))}`);
    const net = await loadNetworkFlag(opts.network);
    const inputs = num('--inputs', opts.inputs, { min: 1, max: 1e9, integer: true }, 784);
    const shapes = networkDataLeakShapes(net.network);
    const input = {
      maxWeightBits: num('--max-weight-bits', opts.maxWeightBits, bits, 0.1),
      maxDataBits: num('--max-data-bits', opts.maxDataBits, bits, 0.01),
      minAccuracyPercent: num('--min-accuracy', opts.minAccuracy, { min: 0, max: 100 }, 96),
      mu: range('--mu', opts.mu, { min: 0, max: 1e12, openMin: true }, [1e-3, 1e4]),
      gain: range('--gain', opts.gain, { min: 1, max: 1e6, openMin: true }, [1.0001, 10]),
      inputs,
      transmittance: num('--transmittance', opts.transmittance, { min: 0, max: 1, openMin: true }, 1),
      activeFraction: num('--active-fraction', opts.activeFraction, { min: 0, max: 1, openMin: true }, 0.5),
      dataAdversary: adversary,
      layers: adversary === 'holevo-network' ? shapes : [{ inputs, rows: inputs }],
      images: num('--images', opts.images, { min: 100, max: 10000, integer: true }, 10000),
      seed: num('--seed', opts.seed, { min: 0, max: 2 ** 31 - 2, integer: true }, 1),
      confidence: num('--confidence', opts.confidence, { min: 0.5, max: 1, openMax: true }, 0.99),
      gains: num('--gains', opts.gains, { min: 2, max: 1000, integer: true }, 48),
    };
    const test = loadMnistData('test');
    const r = await withBarAsync(progressOn(opts.quiet === true), 'solve: accuracy curve [{bar}] {percentage}% | {value}/{total} images', Math.min(input.images, test.count), (bar) =>
      solveOperatingPoint(input, net.network, test, (done) => bar.update(done)));
    io.verdict(verdictExit(r.verdict));
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({ qsdlVersion: QSDL_VERSION, input: { ...input, network: net.source }, ...r }, null, 2)}\n`);
      return;
    }
    const f = (x: number | null) => (x === null ? '-' : Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : '∞');
    const shown = r.gains.filter((_, i) => i % Math.max(1, Math.round(r.gains.length / 12)) === 0 || r.gains[i]!.feasible === 'holds');
    io.stdout(`qsdl ${QSDL_VERSION} solve: χ_W ≤ ${input.maxWeightBits} bit per weight (certified), data ≤ ${input.maxDataBits} bit per value under ${adversary} (certified bound / refuting attack), accuracy ≥ ${input.minAccuracyPercent} % (statistical, ${input.images} images, ${100 * input.confidence} % Clopper–Pearson), μ ∈ [${input.mu[0]}, ${input.mu[1]}], G ∈ [${input.gain[0]}, ${input.gain[1]}], N = ${inputs}, T = ${input.transmittance}\n`);
    io.stdout(`data limit certified for G ≤ ${f(r.dataHoldsUpTo)}, refuted for G ≥ ${f(r.dataFailsFrom)}; accuracy met from SNR ${f(r.snrOk)}, failed below SNR ${f(r.snrFail)} (SNR = μ/DX2(G))\n`);
    io.stdout(`${formatTable(['G', 'data', 'μ max (χ_W)', 'μ min (accuracy)', 'feasible'], shown.map((g) => [Number(g.gain.toPrecision(6)).toString(), verdictWord(g.data), f(g.muWeightMax), f(g.muAccuracyMin), verdictWord(g.feasible)]))}\n`);
    if (r.cheapest !== null) {
      const c = r.cheapest;
      io.stdout(`cheapest feasible point: μ = ${f(c.mu)} photons per weight symbol at G = ${f(c.gain)}: χ_W ∈ [${f(c.weightBits[0])}, ${f(c.weightBits[1])}] bit, data bound ${f(c.dataBits[1])} bit, accuracy ${c.accuracyPercent.toFixed(2)} % (interval ${c.accuracyIntervalPercent.map((x) => x.toFixed(2)).join('–')} %, fresh seed)\n`);
    }
    io.stdout(`${r.reason}\nVerdict: ${r.verdict === 'holds' ? 'FEASIBLE' : r.verdict === 'fails' ? 'EMPTY' : 'UNDECIDED'} (exit ${verdictExit(r.verdict)})\n`);
  });
}
