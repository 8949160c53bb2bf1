import type { Command } from 'commander';
import { countingDataLeak } from '../../bounds/countingDataLeak.js';
import { cramerRaoDataLeak } from '../../bounds/cramerRaoDataLeak.js';
import { holevoSymmetricDataLeak } from '../../bounds/holevoSymmetricDataLeak.js';
import { holevoWeightLeak } from '../../bounds/holevoWeightLeak.js';
import { revisedDataLeak } from '../../bounds/revisedDataLeak.js';
import { effectiveExcessNoise } from '../../protocol/effectiveExcessNoise.js';
import { measurementNoiseFactor } from '../../protocol/measurementNoiseFactor.js';
import { paperLogisticAccuracy } from '../../presets/paperLogisticAccuracy.js';
import type { OperatingPoint } from '../../presets/paperPreset.js';
import { paperRawAccuracy } from '../../presets/paperRawAccuracy.js';
import { PRESETS, PRESET_NAMES } from '../../presets/presets.js';
import { QSDL_VERSION } from '../../version.js';
import { loadMnist, type MnistSplit } from '../../data/loadMnist.js';
import { testAccuracy } from '../../inference/testAccuracy.js';
import type { BiasFreeNetwork } from '../../inference/noisyForward.js';
import { committedNetwork } from '../../inference/committedNetwork.js';
import { fmt, formatTable } from '../_internal/table.js';
import type { CliIo } from './common.js';

/** The paper's headline claims: accuracy in percent; leakage in bits per symbol (10 % of a 1-bit weight, 1 % of a 1-bit data value). */
const CLAIMS = { accuracyPercent: 96, weightBits: 0.1, dataBits: 0.01 } as const;

/** One value at an operating point, with where it comes from. */
interface Entry {
  readonly side: 'accuracy' | 'weight' | 'data';
  readonly source: string;
  readonly value: number;
  /** True for an upper bound: above the claim it does not refute it, it fails to certify it. */
  readonly bound?: boolean;
}

interface PointReport {
  readonly preset: string;
  readonly point: OperatingPoint;
  readonly excessNoise: number;
  readonly snr: number;
  readonly entries: readonly Entry[];
}

function report(name: (typeof PRESET_NAMES)[number], network: BiasFreeNetwork, test: MnistSplit): PointReport {
  const p = PRESETS[name].operatingPoint;
  const eps = effectiveExcessNoise(p.gain, p.inputs, p.activeFraction);
  const n = p.activeFraction * p.inputs;
  const snr = p.mu / measurementNoiseFactor(p.gain);
  const chi = holevoWeightLeak({ mu: p.mu, transmittance: p.transmittance, excessNoise: eps });
  const entries: Entry[] = [
    { side: 'accuracy', source: 'qsdl: trained network, physical noise (percent)', value: testAccuracy(network, test, { model: 'physical', mu: p.mu, gain: p.gain }).accuracyPercent },
    { side: 'accuracy', source: 'authors\' simulated curve at F = 4·SNR (percent)', value: paperRawAccuracy(4 * snr) },
    { side: 'accuracy', source: 'authors\' simulated curve at F = √SNR (percent)', value: paperRawAccuracy(Math.sqrt(snr)) },
    { side: 'accuracy', source: 'authors\' logistic fit at F = √SNR (percent)', value: paperLogisticAccuracy(Math.sqrt(snr)) },
    { side: 'weight', source: 'qsdl: Holevo bound χ_W', value: chi },
    { side: 'weight', source: 'paper-2024 code: χ_W', value: PRESETS['paper-2024'].weightLeak({ mu: p.mu, excessNoise: eps }) },
    { side: 'weight', source: 'paper-2025 code: 0.5·χ_W', value: PRESETS['paper-2025'].weightLeak({ mu: p.mu, excessNoise: eps }) },
    { side: 'data', source: 'qsdl: corrected homodyne model (σ⁴)', value: cramerRaoDataLeak(p.gain, n, undefined, 'corrected') },
    { side: 'data', source: 'paper-2024 code: Cramér–Rao with σ⁸', value: cramerRaoDataLeak(p.gain, n, undefined, 'paper-2024') },
    { side: 'data', source: 'paper-2025 code, its figure (M = 784, n = N)', value: revisedDataLeak(p.gain, 784, p.inputs) },
    { side: 'data', source: 'paper-2025 code, its map (M = 794, n = N/2)', value: revisedDataLeak(p.gain, 794, n) },
    { side: 'data', source: `qsdl: displace-and-count attack, achieved (M = ${p.inputs} rows)`, value: countingDataLeak({ gain: p.gain, inputs: p.inputs, activeFraction: p.activeFraction, rows: p.inputs }) },
    { side: 'data', source: 'qsdl: Holevo upper bound (photon number)', value: holevoSymmetricDataLeak(p.gain, p.inputs, p.inputs), bound: true },
  ];
  return { preset: name, point: p, excessNoise: eps, snr, entries };
}

function verdict(e: Entry): string {
  if (e.side === 'accuracy') {
    const d = e.value - CLAIMS.accuracyPercent;
    return d > 0 ? `> ${CLAIMS.accuracyPercent} % (by ${fmt(d)} points)` : `≤ ${CLAIMS.accuracyPercent} %: claim fails by ${fmt(-d)} points`;
  }
  const limit = e.side === 'weight' ? CLAIMS.weightBits : CLAIMS.dataBits;
  if (e.bound === true) return e.value <= limit ? `≤ ${limit}: the claim holds for any server` : `> ${limit}: the claim cannot be certified`;
  return e.value <= limit ? `≤ ${limit} (margin ${fmt(limit - e.value)})` : `> ${limit}: claim fails by ${fmt(e.value - limit)}`;
}

/** Register `qsdl paper`: the paper's operating points, its claims beside the published codes' values and qsdl's. @internal */
export function registerPaper(program: Command, io: CliIo): void {
  program
    .command('paper')
    .description('the paper\'s published operating points: its claims, the values of both published code versions, and qsdl\'s own (about 15 s: it runs the trained network on the MNIST test set)')
    .option('--json', 'print one JSON object')
    .action((opts: { json?: boolean }) => {
      const network = committedNetwork().network;
      const test = loadMnist('test');
      const reports = PRESET_NAMES.map((n) => report(n, network, test));
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ claims: CLAIMS, units: { accuracy: 'percent', weight: 'bits per weight symbol', data: 'bits per data symbol' }, operatingPoints: reports, qsdlVersion: QSDL_VERSION }, null, 2)}\n`);
        return;
      }
      const out: string[] = [
        `qsdl ${QSDL_VERSION}: Sulimany et al., "Quantum-secure multiparty deep learning" (arXiv:2408.05629)`,
        `Claims: accuracy > ${CLAIMS.accuracyPercent} %, weight leakage < ${CLAIMS.weightBits} bit per weight symbol, data leakage < ${CLAIMS.dataBits} bit per data symbol.`,
        '',
      ];
      for (const r of reports) {
        const p = r.point;
        out.push(`Operating point marked "This work" in the ${r.preset} code's leakage-versus-neurons figure:`);
        out.push(`  N = ${p.inputs}, f = ${p.activeFraction}, G = ${p.gain}, μ = ${p.mu} photons per weight symbol, T = ${p.transmittance}`);
        out.push(`  ε = 2(G−1)/(G·f·N) = ${fmt(r.excessNoise)} SNU; SNR = μ/DX2(G) = ${fmt(r.snr)}, F = √SNR = ${fmt(Math.sqrt(r.snr))}`);
        const rows = r.entries.map((e) => [e.side, e.source, fmt(e.value), verdict(e)]);
        out.push(formatTable(['side', 'source', 'value', 'against the claim'], rows).replace(/^/gm, '  '));
        out.push('');
      }
      out.push('Leakage values are bits per symbol. qsdl\'s accuracy runs its trained network (weights/) on the 10 000 MNIST');
      out.push('test images with the physical noise; that noise is the authors\' notebook noise at F = 4·SNR, while their maps read');
      out.push('their curve (and its logistic fit, 1.1 points RMS off it) at F = √SNR. paper-2025 halves χ_W ("real or imaginary');
      out.push('part"), which the Holevo bound does not. The homodyne data models are not upper bounds on what a server can learn: a');
      out.push('server that counts photons learns the displace-and-count figure (qsdl attack list, docs/attacks.md).');
      io.stdout(`${out.join('\n')}\n`);
    });
}
