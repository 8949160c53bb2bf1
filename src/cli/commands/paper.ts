import type { Command } from 'commander';
import { cramerRaoDataLeak } from '../../bounds/cramerRaoDataLeak.js';
import { holevoWeightLeak } from '../../bounds/holevoWeightLeak.js';
import { effectiveExcessNoise } from '../../protocol/honestExcessNoise.js';
import { measurementNoiseFactor } from '../../protocol/measurementNoise.js';
import { paperLogisticAccuracy } from '../../presets/paperLogisticAccuracy.js';
import { PRESETS, PRESET_NAMES } from '../../presets/presets.js';
import type { OperatingPoint, PaperPreset } from '../../presets/paperPreset.js';
import { QSDL_VERSION } from '../../version.js';
import { fmt, formatTable } from '../_internal/table.js';
import type { CliIo } from './common.js';

/** The paper's headline claims: bits per symbol an adversary gains, as fractions of a 1-bit symbol. */
const CLAIMS = { weightBits: 0.1, dataBits: 0.01, accuracyPercent: 96 } as const;

interface PointReport {
  readonly source: string;
  readonly point: OperatingPoint;
  readonly excessNoise: number;
  readonly snr: number;
  readonly fittedAccuracyPercent: number;
  readonly weight: Readonly<Record<string, number>>;
  readonly data: Readonly<Record<string, number>>;
}

function report(preset: PaperPreset): PointReport {
  const p = preset.operatingPoint;
  const eps = effectiveExcessNoise(p.gain, p.inputs, p.activeFraction);
  const n = p.activeFraction * p.inputs;
  const snr = p.mu / measurementNoiseFactor(p.gain);
  const chi = holevoWeightLeak({ mu: p.mu, transmittance: p.transmittance, excessNoise: eps });
  const weight: Record<string, number> = { 'qsdl holevo (χ_W)': chi };
  const data: Record<string, number> = { 'qsdl corrected (σ⁴ homodyne)': cramerRaoDataLeak(p.gain, n, undefined, 'corrected') };
  for (const name of PRESET_NAMES) {
    const q = PRESETS[name];
    weight[`${name} code`] = q.weightLeak({ mu: p.mu, transmittance: p.transmittance, excessNoise: eps });
    data[`${name} code`] = q.dataLeak({ gain: p.gain, inputs: p.inputs, activeFraction: p.activeFraction, rows: p.rows });
  }
  return { source: preset.name, point: p, excessNoise: eps, snr, fittedAccuracyPercent: paperLogisticAccuracy(Math.sqrt(snr)), weight, data };
}

const verdict = (bits: number, limit: number) => (bits <= limit ? `≤ ${limit}` : `> ${limit} (claim fails by ${fmt(bits - limit)})`);

/** Register `qsdl paper`: the paper's operating points, its claims beside qsdl's values. @internal */
export function registerPaper(program: Command, io: CliIo): void {
  program
    .command('paper')
    .description('the paper\'s published operating points: its claims, the values of both published code versions, and qsdl\'s own')
    .option('--json', 'print one JSON object')
    .action((opts: { json?: boolean }) => {
      const reports = PRESET_NAMES.map((n) => report(PRESETS[n]));
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ claims: CLAIMS, operatingPoints: reports, qsdlVersion: QSDL_VERSION }, null, 2)}\n`);
        return;
      }
      const out: string[] = [
        `qsdl ${QSDL_VERSION}: Sulimany et al., "Quantum-secure multiparty deep learning" (arXiv:2408.05629)`,
        `Claims: accuracy > ${CLAIMS.accuracyPercent} %, weight leakage < ${CLAIMS.weightBits} bit per weight symbol, data leakage < ${CLAIMS.dataBits} bit per data symbol.`,
        '',
      ];
      for (const r of reports) {
        const p = r.point;
        out.push(`Operating point marked "This work" in the ${r.source} code's leakage-versus-neurons figure:`);
        out.push(`  N = ${p.inputs}, f = ${p.activeFraction}, G = ${p.gain}, μ = ${p.mu} photons per weight symbol, T = ${p.transmittance}`);
        out.push(`  ε = 2(G−1)/(G·f·N) = ${fmt(r.excessNoise)} SNU; SNR = μ/DX2(G) = ${fmt(r.snr)}; the authors' fitted accuracy at F = √SNR: ${fmt(r.fittedAccuracyPercent)} %`);
        const acc = r.fittedAccuracyPercent;
        const rows: string[][] = [
          ['accuracy', 'authors\' logistic fit (percent)', fmt(acc), acc > CLAIMS.accuracyPercent ? `> ${CLAIMS.accuracyPercent} %` : `≤ ${CLAIMS.accuracyPercent} % (claim fails by ${fmt(CLAIMS.accuracyPercent - acc)} points)`],
          ...Object.entries(r.weight).map(([k, v]) => ['weight', k, fmt(v), verdict(v, CLAIMS.weightBits)]),
          ...Object.entries(r.data).map(([k, v]) => ['data', k, fmt(v), verdict(v, CLAIMS.dataBits)]),
        ];
        out.push(formatTable(['side', 'model', 'value', 'against the claim'], rows).replace(/^/gm, '  '));
        out.push('');
      }
      out.push('Leakage values are in bits per symbol. paper-2025 halves χ_W ("real or imaginary part"), which the Holevo bound does not; the homodyne data');
      out.push('models are not upper bounds on what a server can learn (SPEC §4.2). `qsdl leak weight|data --help` for more.');
      io.stdout(`${out.join('\n')}\n`);
    });
}
