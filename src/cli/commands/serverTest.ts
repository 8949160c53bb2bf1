import type { Command } from 'commander';
import { DEFAULT_CONFIGURATION, type AttackOutcome, type ProtocolConfiguration } from '../../attacks/attack.js';
import { getAttack } from '../../attacks/registry.js';
import { runAttack } from '../../attacks/runAttack.js';
import { QSDL_VERSION } from '../../version.js';
import { numericOption } from '../_internal/numericOption.js';
import { fmt, formatTable, wrap } from '../../render/table.js';
import { addNumericOptions, readNumericFlags, type CliIo } from './common.js';

/**
 * The client attacks the server's tests are compared on (docs/server-test.md), with the
 * configuration fields each takes: the honest client, a greedy gain, the per-mode cloners
 * (one use, Q inferences, K clients) and the rank-one cloner that evades the row-total test.
 */
const ATTACK_NAMES = ['honest', 'greedy-gain', 'entangling-cloner', 'multi-query', 'colluding-clients', 'rank-one-cloner'] as const;

/** The flags: the configuration's own domains (resolveConfiguration), m defaulting to one inference's M rows. */
const OPTIONS = [
  numericOption('mu', 'μ', { min: 0, max: 1e6, openMin: true }, 'mean photon number per weight symbol (photons)', DEFAULT_CONFIGURATION.mu),
  numericOption('gain', 'G', { min: 1, max: 1e6 }, 'the client\'s declared gain G', DEFAULT_CONFIGURATION.gain),
  numericOption('inputs', 'N', { min: 1, max: 1e5, integer: true }, 'inputs N (modes per row)', DEFAULT_CONFIGURATION.inputs),
  numericOption('rows', 'M', { min: 1, max: 1e5, integer: true }, 'rows M of the layer (one inference)', DEFAULT_CONFIGURATION.rows),
  numericOption('active-fraction', 'p', { min: 0, max: 1, openMin: true }, 'fraction p of non-zero inputs (p·N ≥ 1)', DEFAULT_CONFIGURATION.activeFraction),
  numericOption('samples', 'm', { min: 2, max: 1e12, integer: true }, 'rows m the server tests (M × inferences; samples per mode for the per-mode test); default M, one inference'),
  numericOption('delta', 'δ', { min: 0, max: 0.5, openMin: true }, 'failure probability δ of each test (an honest client is rejected with probability ≤ δ)', DEFAULT_CONFIGURATION.delta),
  numericOption('queries', 'Q', { min: 1, max: 1e6, integer: true }, 'inferences Q of multi-query and of each colluding client (Q·K·μ ≤ 1e12 photons)', 10),
  numericOption('clients', 'K', { min: 1, max: 1e6, integer: true }, 'colluding clients K (Q·K·μ ≤ 1e12 photons)', 10),
];

/** The row-noise shape an outcome reports when its attack does not state one (src/attacks/kit/clientAccounting.ts). */
const ASSUMED = 'rank-one (assumed)';

/** One attack's row of the report. */
interface ServerTestRow {
  readonly attack: string;
  readonly kind: string;
  readonly bitsPerSymbol: number;
  readonly perModeDetection: number;
  /** null when the attack does not report one. */
  readonly rowTotalDetection: number | null;
  readonly rowNoiseShape: string | null;
}

function row(o: AttackOutcome): ServerTestRow {
  const rowTotal = o.details.rowTotalDetection;
  const shape = o.details.rowNoiseShape;
  return {
    attack: o.attack,
    kind: o.kind,
    bitsPerSymbol: o.bitsPerSymbol,
    perModeDetection: o.detectionProbability,
    rowTotalDetection: typeof rowTotal === 'number' ? rowTotal : null,
    rowNoiseShape: typeof shape === 'string' ? shape : null,
  };
}

/** Register `qsdl server-test`: the client attacks against the server's per-mode test and its row-total test. @internal */
export function registerServerTest(program: Command, io: CliIo): void {
  const cmd = program
    .command('server-test')
    .description('the client attacks against the server\'s two tests (docs/server-test.md): bits per weight symbol, detection by the per-mode test (needs the support of x̂) and by the row-total test on per-row photon totals (needs no x̂)');
  addNumericOptions(cmd, OPTIONS);
  cmd.option('--json', 'print one JSON object: configuration, rows (attack, kind, bitsPerSymbol, perModeDetection, rowTotalDetection, rowNoiseShape), perModeCloneRowTotalDetection, qsdlVersion');
  cmd.action((opts: Record<string, unknown>) => {
    const v = readNumericFlags(opts, OPTIONS);
    const rows = v.rows as number;
    const config: Partial<ProtocolConfiguration> = {
      mu: v.mu as number, gain: v.gain as number, inputs: v.inputs as number, rows, activeFraction: v['active-fraction'] as number,
      samples: v.samples ?? rows, delta: v.delta as number, queries: v.queries as number, clients: v.clients as number,
    };
    const outcomes = ATTACK_NAMES.map((name) => {
      const uses: readonly string[] = getAttack(name).uses;
      return runAttack(name, Object.fromEntries(Object.entries(config).filter(([k]) => uses.includes(k))));
    });
    const table = outcomes.map(row);
    const rankOne = outcomes.find((o) => o.attack === 'rank-one-cloner');
    const perModeClone = rankOne?.details.perModeClonerRowTotalDetection;
    const samples = config.samples as number;
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({ configuration: config, rows: table, perModeCloneRowTotalDetection: typeof perModeClone === 'number' ? perModeClone : null, qsdlVersion: QSDL_VERSION })}\n`);
      return;
    }
    const text = formatTable(
      ['attack', 'kind', 'bits/weight', 'per-mode test', 'row-total test'],
      table.map((r) => [r.attack, r.kind, fmt(r.bitsPerSymbol), fmt(r.perModeDetection), r.rowTotalDetection === null ? 'n/a' : `${fmt(r.rowTotalDetection)}${r.rowNoiseShape === ASSUMED ? ' *' : ''}`]),
    );
    const notes = [
      `bits per weight symbol (multi-query over Q = ${config.queries} inferences, colluding-clients over K·Q = ${(config.clients as number) * (config.queries as number)} copies). Probabilities that each test flags the attack, m = ${samples} rows (samples per mode for the per-mode test), δ = ${config.delta}, μ = ${config.mu} photons, G = ${config.gain}, N = ${config.inputs}, M = ${rows}, p = ${config.activeFraction}.`,
      'per-mode test: excess noise and loss on an active mode (docs/model.md#verification); it needs to know which modes are active. row-total test: per-row photon totals, their mean and their vacuum statistics (docs/server-test.md); it needs no x̂. Ideal detector (efficiency 1, no dark counts).',
      typeof perModeClone === 'number' ? `A cloner on every mode at the honest noise (what entangling-cloner does, and multi-query and colluding-clients do in each inference) is flagged by the row-total test with probability ${fmt(perModeClone)}; rank-one-cloner keeps the honest row law.` : '',
      table.some((r) => r.rowNoiseShape === ASSUMED) ? '*: the attack does not state how its noise is shaped within a row; the figure assumes one thermal mode along x̂, the protocol\'s own shape. An attack that spreads its noise over the modes is flagged more often.' : '',
      table.some((r) => r.rowTotalDetection === null) ? 'n/a: the attack does not report a row-total detection.' : '',
    ].filter((s) => s !== '');
    io.stdout(`${text}\n${notes.map((s) => wrap(s)).join('\n')}\n`);
  });
}
