import type { Command } from 'commander';
import { ATTACKS, getAttack } from '../../attacks/registry.js';
import { parameterDomain, resolveAttackParameters } from '../../attacks/resolveAttackParameters.js';
import { runAttack } from '../../attacks/runAttack.js';
import type { AttackParameter, ConfigurationKey, ProtocolConfiguration } from '../../attacks/attack.js';
import { DEFAULT_CONFIGURATION } from '../../attacks/attack.js';
import { QSDL_VERSION } from '../../version.js';
import { CliError } from '../_internal/cliError.js';
import { attributeOf, parseNumberText } from '../_internal/numericOption.js';
import { fmt, formatTable } from '../_internal/table.js';
import type { CliIo } from './common.js';

/** The common flags of `qsdl attack run`, one per configuration field, with units and ranges. */
const COMMON_FLAGS: readonly { readonly key: ConfigurationKey; readonly flag: string; readonly help: string; readonly range: string }[] = [
  { key: 'mu', flag: 'mu', help: 'mean photon number per weight symbol μ (photons)', range: 'in (0, 1e6]' },
  { key: 'gain', flag: 'gain', help: 'the client\'s declared gain G', range: 'in [1, 1e6]' },
  { key: 'transmittance', flag: 'transmittance', help: 'honest round-trip power transmittance T', range: 'in (0, 1]' },
  { key: 'technicalNoise', flag: 'technical-noise', help: 'technical excess noise per mode (SNU)', range: 'in [0, 10]' },
  { key: 'inputs', flag: 'inputs', help: 'inputs N (modes per row)', range: 'an integer in [1, 1e5]' },
  { key: 'rows', flag: 'rows', help: 'rows M of the layer', range: 'an integer in [1, 1e5]' },
  { key: 'activeFraction', flag: 'active-fraction', help: 'fraction p of non-zero inputs', range: 'in (0, 1]' },
  { key: 'efficiency', flag: 'efficiency', help: 'server detector efficiency η', range: 'in (0, 1]' },
  { key: 'darkCounts', flag: 'dark-counts', help: 'dark counts per mode per row (mean)', range: 'in [0, 10]' },
  { key: 'queries', flag: 'queries', help: 'inferences Q with the same weights', range: 'an integer in [1, 1e6]' },
  { key: 'clients', flag: 'clients', help: 'colluding clients K', range: 'an integer in [1, 1e6]' },
  { key: 'samples', flag: 'samples', help: 'samples m of the finite-size test', range: 'an integer in [2, 1e12]' },
  { key: 'delta', flag: 'delta', help: 'failure probability δ of the finite-size test', range: 'in (0, 0.5]' },
  { key: 'seed', flag: 'seed', help: 'seed of simulating attacks', range: 'an integer in [−2^31, 2^31)' },
];

/** Every attack parameter once (attacks that share a name share its meaning). */
function allParameters(): AttackParameter[] {
  const seen = new Map<string, AttackParameter>();
  for (const a of ATTACKS) for (const p of a.parameters) if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()];
}

function paramHelp(p: AttackParameter): string {
  const users = ATTACKS.filter((a) => a.parameters.some((q) => q.name === p.name)).map((a) => a.name);
  const domain = p.kind === 'choice' ? `one of ${(p.choices ?? []).join('|')}` : `${p.kind}`;
  return `${p.description}; ${domain} (${users.join(', ')})`;
}

/** Outcome as a flat JSON object: the contract fields, then the attack's details. */
function outcomeJson(outcome: ReturnType<typeof runAttack>, config: ProtocolConfiguration, params: Record<string, number | string>): string {
  const { details, ...core } = outcome;
  return JSON.stringify({ ...core, ...details, configuration: config, parameters: params, qsdlVersion: QSDL_VERSION });
}

/** Register `qsdl attack list` and `qsdl attack run NAME`. @internal */
export function registerAttack(program: Command, io: CliIo): void {
  const attack = program.command('attack').description('the attack library (SPEC §7): `attack list`, `attack run NAME`, `attack table`');
  attack
    .command('list')
    .description('the registered attacks: name, side, optimality claim, parameters')
    .option('--json', 'print a JSON array')
    .action((opts: { json?: boolean }) => {
      if (opts.json === true) {
        io.stdout(`${JSON.stringify(ATTACKS.map((a) => ({ name: a.name, side: a.side, summary: a.summary, claimsOptimal: a.claimsOptimal, uses: a.uses, parameters: a.parameters })))}\n`);
        return;
      }
      const rows = ATTACKS.map((a) => [a.name, a.side, a.claimsOptimal ? 'yes' : '', a.parameters.map((p) => `--${p.name}`).join(' '), a.summary]);
      io.stdout(`${formatTable(['attack', 'side', 'optimal', 'parameters', 'what it does'], rows)}\n`);
    });
  attack
    .command('table')
    .description('every registered attack with its defaults at one (μ, G): gain against the bound of its side, disturbance, detection')
    .option('--mu <μ>', 'mean photon number per weight symbol (photons)', String(DEFAULT_CONFIGURATION.mu))
    .option('--gain <G>', 'client gain G', String(DEFAULT_CONFIGURATION.gain))
    .option('--json', 'print one JSON object: outcomes (one per attack, details in a details object), configuration, qsdlVersion')
    .action((opts: { mu: string; gain: string; json?: boolean }) => {
      const mu = parseNumberText('--mu', opts.mu, 'in (0, 1e6]');
      const gain = parseNumberText('--gain', opts.gain, 'in [1, 1e6]');
      const outcomes = ATTACKS.map((a) => runAttack(a.name, { ...(a.uses.includes('mu') ? { mu } : {}), gain }));
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ outcomes, configuration: { ...DEFAULT_CONFIGURATION, mu, gain }, qsdlVersion: QSDL_VERSION })}\n`);
        return;
      }
      const rows = outcomes.map((o) => [o.attack, o.side, fmt(o.bitsPerSymbol), fmt(o.boundBitsPerSymbol), fmt(o.excessNoise), fmt(o.lossIncrease), fmt(o.detectionProbability), o.optimal ? 'yes' : '']);
      io.stdout(`${formatTable(['attack', 'side', 'gain bit/symbol', 'bound bit/symbol', 'Δε SNU', 'ΔL', 'detected', 'optimal'], rows)}\n`);
      io.stdout(`μ = ${fmt(mu)}, G = ${fmt(gain)}, N = M = ${DEFAULT_CONFIGURATION.inputs}, p = ${DEFAULT_CONFIGURATION.activeFraction}, m = ${DEFAULT_CONFIGURATION.samples}, δ = ${DEFAULT_CONFIGURATION.delta}; each attack with its default parameters (qsdl attack list).\n`);
    });
  const run = attack
    .command('run')
    .argument('<name>', `attack name: ${ATTACKS.map((a) => a.name).join(', ')}`)
    .description('run one attack on one configuration: information gained against the bound of its side, disturbance, detection probability')
    .option('--json', 'print one JSON object (fields side, bitsPerSymbol, boundBitsPerSymbol, excessNoise, detectionProbability, …)');
  for (const f of COMMON_FLAGS) run.option(`--${f.flag} <value>`, `${f.help}, ${f.range} (default ${DEFAULT_CONFIGURATION[f.key]})`);
  const params = allParameters();
  for (const p of params) run.option(`--${p.name} <value>`, paramHelp(p));
  run.action((name: string, opts: Record<string, unknown>) => {
    const a = getAttack(name);
    const config: Partial<Record<ConfigurationKey, number>> = {};
    for (const f of COMMON_FLAGS) {
      const raw = opts[attributeOf(f.flag)];
      if (typeof raw !== 'string') continue;
      if (!a.uses.includes(f.key)) throw new CliError(`--${f.flag} does not apply to attack ${a.name}; its flags: ${[...a.uses.map((k) => `--${COMMON_FLAGS.find((c) => c.key === k)?.flag ?? k}`), ...a.parameters.map((p) => `--${p.name}`)].join(' ')}`);
      config[f.key] = parseNumberText(`--${f.flag}`, raw, f.range);
    }
    const values: Record<string, number | string> = {};
    for (const p of params) {
      const raw = opts[attributeOf(p.name)];
      if (typeof raw !== 'string') continue;
      if (!a.parameters.some((q) => q.name === p.name)) throw new CliError(`--${p.name} does not apply to attack ${a.name}; its parameters: ${a.parameters.map((q) => `--${q.name}`).join(' ') || '(none)'}`);
      values[p.name] = p.kind === 'choice' ? raw : parseNumberText(`--${p.name}`, raw, parameterDomain(p));
    }
    const outcome = runAttack(a.name, config, values);
    const full = { ...DEFAULT_CONFIGURATION, ...config };
    if (opts.json === true) {
      io.stdout(`${outcomeJson(outcome, full, { ...resolveAttackParameters(a, values) })}\n`);
      return;
    }
    const lines = [
      `attack ${outcome.attack} (${outcome.side} side${outcome.optimal ? ', claims optimality' : ''})`,
      `  gain        ${fmt(outcome.bitsPerSymbol)} bit per ${outcome.side === 'client' ? 'weight' : 'data'} symbol (${fmt(outcome.totalBits)} bit over ${outcome.symbols} symbols) — ${outcome.estimator}`,
      `  bound       ${fmt(outcome.boundBitsPerSymbol)} bit per symbol — ${outcome.bound}`,
      `  disturbance excess noise ${fmt(outcome.excessNoise)} SNU per active mode, loss ${fmt(outcome.lossIncrease)} (power fraction)`,
      `  detected    with probability ${fmt(outcome.detectionProbability)} (m = ${full.samples} samples, δ = ${full.delta})`,
      ...Object.entries(outcome.details).map(([k, v]) => `  ${k.padEnd(11)} ${typeof v === 'number' ? fmt(v) : String(v)}`),
    ];
    io.stdout(`${lines.join('\n')}\n`);
  });
}
