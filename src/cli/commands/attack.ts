import type { Command } from 'commander';
import { ATTACKS, getAttack } from '../../attacks/registry.js';
import { resolveAttackParameters } from '../../attacks/resolveAttackParameters.js';
import { runAttack } from '../../attacks/runAttack.js';
import { resolveConfiguration } from '../../attacks/resolveConfiguration.js';
import type { Attack, AttackFigureKind, AttackOutcome, AttackParameter, ConfigurationKey, ProtocolConfiguration } from '../../attacks/attack.js';
import { DEFAULT_CONFIGURATION } from '../../attacks/attack.js';
import { QSDL_VERSION } from '../../version.js';
import { UsageError } from '../_internal/errors.js';
import { loadNetworkFlag, networkJson, networkOption, type LoadedNetwork } from '../_internal/networkFlag.js';
import { attributeOf, domainText, parseInDomain, SEED_DOMAIN, type Domain } from '../_internal/numericOption.js';
import { progressOn } from '../_internal/progress.js';
import { fmt, formatTable, wrap } from '../../render/table.js';
import { quietOption, type CliIo } from './common.js';

/**
 * The common flags of `qsdl attack run`, one per configuration field, with units and domains
 * (the library's, resolveConfiguration: counts up to 1e5 modes or rows, μ up to 1e6).
 */
const COMMON_FLAGS: readonly { readonly key: ConfigurationKey; readonly flag: string; readonly help: string; readonly domain: Domain }[] = [
  { key: 'mu', flag: 'mu', help: 'mean photon number per weight symbol μ (photons)', domain: { min: 0, max: 1e6, openMin: true } },
  { key: 'gain', flag: 'gain', help: 'the client\'s declared gain G', domain: { min: 1, max: 1e6 } },
  { key: 'transmittance', flag: 'transmittance', help: 'honest round-trip power transmittance T', domain: { min: 2 ** -53, max: 1, text: '[2^−53 ≈ 1.1e-16, 1]' } },
  { key: 'technicalNoise', flag: 'technical-noise', help: 'technical excess noise per mode (SNU)', domain: { min: 0, max: 10 } },
  { key: 'inputs', flag: 'inputs', help: 'inputs N (modes per row)', domain: { min: 1, max: 1e5, integer: true } },
  { key: 'rows', flag: 'rows', help: 'rows M of the layer', domain: { min: 1, max: 1e5, integer: true } },
  { key: 'activeFraction', flag: 'active-fraction', help: 'fraction p of non-zero inputs', domain: { min: 0, max: 1, openMin: true } },
  { key: 'efficiency', flag: 'efficiency', help: 'server detector efficiency η', domain: { min: 0, max: 1, openMin: true } },
  { key: 'darkCounts', flag: 'dark-counts', help: 'dark counts per mode per row (mean)', domain: { min: 0, max: 10 } },
  { key: 'queries', flag: 'queries', help: 'inferences Q with the same weights (with Q·K·μ ≤ 1e12 photons, the weight bound\'s domain)', domain: { min: 1, max: 1e6, integer: true } },
  { key: 'clients', flag: 'clients', help: 'colluding clients K (with Q·K·μ ≤ 1e12 photons)', domain: { min: 1, max: 1e6, integer: true } },
  { key: 'samples', flag: 'samples', help: 'samples m of the finite-size test', domain: { min: 2, max: 1e12, integer: true } },
  { key: 'delta', flag: 'delta', help: 'failure probability δ of the finite-size test', domain: { min: 0, max: 0.5, openMin: true } },
  { key: 'seed', flag: 'seed', help: 'seed of simulating attacks', domain: SEED_DOMAIN },
];

/** The domain of a numeric attack parameter. */
function parameterDomainOf(p: AttackParameter): Domain {
  return { min: p.min ?? -Infinity, max: p.max ?? Infinity, openMin: p.openMin === true, openMax: p.openMax === true, integer: p.kind === 'integer' };
}

/** Every attack parameter once (attacks that share a name share its meaning). */
function allParameters(): AttackParameter[] {
  const seen = new Map<string, AttackParameter>();
  for (const a of ATTACKS) for (const p of a.parameters) if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()];
}

function paramHelp(p: AttackParameter): string {
  const users = ATTACKS.filter((a) => a.parameters.some((q) => q.name === p.name)).map((a) => a.name);
  const domain = p.kind === 'choice' ? `one of ${(p.choices ?? []).join('|')}` : domainText(parameterDomainOf(p));
  return `${p.description}; ${domain} (${users.join(', ')})`;
}

/** Outcome as a flat JSON object: the contract fields, then the attack's details. */
function outcomeJson(outcome: AttackOutcome, config: ProtocolConfiguration, params: Record<string, number | string>, net: LoadedNetwork | undefined): string {
  const { details, ...core } = outcome;
  return JSON.stringify({ ...core, ...details, configuration: config, parameters: params, ...(net === undefined ? {} : networkJson(net)), qsdlVersion: QSDL_VERSION });
}

/** The network for an attack run: loaded only when one of the attacks runs it. */
async function networkFor(attacks: readonly Attack[], flag: string | undefined): Promise<LoadedNetwork | undefined> {
  if (!attacks.some((a) => a.usesNetwork === true)) {
    const users = ATTACKS.filter((a) => a.usesNetwork === true).map((a) => a.name);
    if (flag !== undefined) throw new UsageError(`--network does not apply to ${attacks.map((a) => a.name).join(', ')}: only ${users.join(', ')} runs the client's network`);
    return undefined;
  }
  return loadNetworkFlag(flag);
}

/** One line per figure kind (docs/attacks.md#kinds). */
const KIND_TEXT: Readonly<Record<AttackFigureKind, string>> = {
  achieved: 'achieved: the information of a strategy the attacker really runs',
  holevo: 'holevo: a Holevo quantity (an upper-bound-type figure, not shown to be reachable by a measurement)',
  model: 'model: a figure that rests on the modelling assumption its estimator states',
};

/** Register `qsdl attack list`, `attack table` and `qsdl attack run NAME`. @internal */

export function registerAttack(program: Command, io: CliIo): void {
  const attack = program.command('attack').description('the attack library (docs/model.md#attacks): `attack list`, `attack run NAME`, `attack table`');
  attack
    .command('list')
    .description('the registered attacks: name, side, optimality claim, parameters')
    .option('--json', 'print a JSON array')
    .action((opts: { json?: boolean }) => {
      if (opts.json === true) {
        io.stdout(`${JSON.stringify(ATTACKS.map((a) => ({ name: a.name, side: a.side, summary: a.summary, claimsOptimal: a.claimsOptimal, uses: a.uses, parameters: a.parameters })))}\n`);
        return;
      }
      const lines = ATTACKS.map((a) => wrap(`${a.name} (${a.side}${a.claimsOptimal ? ', claims optimality' : ''}): ${a.summary}${a.parameters.length > 0 ? `; flags ${a.parameters.map((p) => `--${p.name}`).join(' ')}` : ''}`, 100, 4));
      io.stdout(`${lines.join('\n')}\n`);
    });
  const table = attack
    .command('table')
    .description('every registered attack with its defaults at one (μ, G): gain against the bound of its side, disturbance, detection')
    .option('--mu <μ>', `mean photon number per weight symbol (photons), ${domainText(COMMON_FLAGS[0]!.domain)} (default ${DEFAULT_CONFIGURATION.mu})`)
    .option('--gain <G>', `client gain G, ${domainText(COMMON_FLAGS[1]!.domain)} (default ${DEFAULT_CONFIGURATION.gain})`)
    .option('--json', 'print one JSON object: outcomes (one per attack, details in a details object), configuration, qsdlVersion');
  networkOption(table);
  quietOption(table);
  table.action(async (opts: { mu?: string; gain?: string; json?: boolean; network?: string; quiet?: boolean }) => {
    const mu = opts.mu === undefined ? DEFAULT_CONFIGURATION.mu : parseInDomain('--mu', opts.mu, COMMON_FLAGS[0]!.domain);
    const gain = opts.gain === undefined ? DEFAULT_CONFIGURATION.gain : parseInDomain('--gain', opts.gain, COMMON_FLAGS[1]!.domain);
    const net = await networkFor(ATTACKS, opts.network);
    const context = net === undefined ? {} : { network: () => net.network };
    const bar = progressOn(opts.quiet === true).bar('attacks [{bar}] {value}/{total} | {attack}', ATTACKS.length, { attack: '' });
    let outcomes: AttackOutcome[];
    try {
      outcomes = ATTACKS.map((a, i) => {
        bar.update(i, { attack: a.name });
        return runAttack(a.name, { ...(a.uses.includes('mu') ? { mu } : {}), gain }, {}, context);
      });
      bar.update(ATTACKS.length, { attack: 'done' });
    } finally {
      bar.stop();
    }
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({ outcomes, configuration: { ...DEFAULT_CONFIGURATION, mu, gain }, ...(net === undefined ? {} : networkJson(net)), qsdlVersion: QSDL_VERSION })}\n`);
      return;
    }
    const rows = outcomes.map((o) => [o.attack, o.side, fmt(o.bitsPerSymbol), o.kind + (o.optimal ? '*' : ''), fmt(o.boundBitsPerSymbol), fmt(o.excessNoise), fmt(o.lossIncrease), fmt(o.detectionProbability)]);
    io.stdout(`${formatTable(['attack', 'side', 'gain', 'kind', 'bound', 'Δε SNU', 'ΔL', 'detected'], rows)}\n`);
    io.stdout(`${wrap(`gain and bound in bits per symbol (per weight symbol for client attacks, per data symbol for server attacks). kind: achieved = the information of a strategy the attacker runs; holevo = a Holevo quantity (upper-bound type, not shown reachable); model = a model figure (its estimator says which assumption); * = claims to reach the bound of its side. μ = ${fmt(mu)}, G = ${fmt(gain)}, N = M = ${DEFAULT_CONFIGURATION.inputs}, p = ${DEFAULT_CONFIGURATION.activeFraction}, m = ${DEFAULT_CONFIGURATION.samples}, δ = ${DEFAULT_CONFIGURATION.delta}; each attack with its default parameters (qsdl attack list).`)}\n`);
  });
  const run = attack
    .command('run')
    .argument('<name>', `attack name: ${ATTACKS.map((a) => a.name).join(', ')}`)
    .description('run one attack on one configuration: information gained against the bound of its side, disturbance, detection probability')
    .option('--json', 'print one JSON object (fields side, bitsPerSymbol, boundBitsPerSymbol, excessNoise, detectionProbability, …)');
  for (const f of COMMON_FLAGS) run.option(`--${f.flag} <value>`, `${f.help}, ${domainText(f.domain)} (default ${DEFAULT_CONFIGURATION[f.key]})`);
  const params = allParameters();
  // `--network` is both the client's trained network (attacks that run it) and an attack's own
  // parameter (interferometric-counting's interferometer): one flag, read by whichever the attack takes.
  for (const p of params) if (p.name !== 'network') run.option(`--${p.name} <value>`, paramHelp(p));
  const networkParameter = params.find((p) => p.name === 'network');
  run.option('--network <FILE|NAME>', `the client's trained network NAME.json or NAME.f32 (${ATTACKS.filter((a) => a.usesNetwork === true).map((a) => a.name).join(', ')}; default: the committed weights/mnist-784-784-10)${networkParameter === undefined ? '' : `, or ${paramHelp(networkParameter)}`}`);
  quietOption(run);
  run.action(async (name: string, opts: Record<string, unknown>) => {
    const a = getAttack(name);
    const config: Partial<Record<ConfigurationKey, number>> = {};
    for (const f of COMMON_FLAGS) {
      const raw = opts[attributeOf(f.flag)];
      if (typeof raw !== 'string') continue;
      if (!a.uses.includes(f.key)) throw new UsageError(`--${f.flag} does not apply to attack ${a.name}; its flags: ${[...a.uses.map((k) => `--${COMMON_FLAGS.find((c) => c.key === k)?.flag ?? k}`), ...a.parameters.map((p) => `--${p.name}`)].join(' ')}`);
      config[f.key] = parseInDomain(`--${f.flag}`, raw, f.domain);
    }
    const values: Record<string, number | string> = {};
    const takesNetworkParameter = a.parameters.some((q) => q.name === 'network');
    for (const p of params) {
      if (p.name === 'network' && !takesNetworkParameter) continue; // a network file, below
      const raw = opts[attributeOf(p.name)];
      if (typeof raw !== 'string') continue;
      if (!a.parameters.some((q) => q.name === p.name)) throw new UsageError(`--${p.name} does not apply to attack ${a.name}; its parameters: ${a.parameters.map((q) => `--${q.name}`).join(' ') || '(none)'}`);
      values[p.name] = p.kind === 'choice' ? raw : parseInDomain(`--${p.name}`, raw, parameterDomainOf(p));
    }
    const net = await networkFor([a], takesNetworkParameter ? undefined : (opts.network as string | undefined));
    const note = a.cost === 'slow' ? progressOn(opts.quiet === true).note(`running ${a.name} (it simulates on the MNIST test images: seconds)`) : undefined;
    let outcome: AttackOutcome;
    try {
      outcome = runAttack(a.name, config, values, net === undefined ? {} : { network: () => net.network });
    } finally {
      note?.stop();
    }
    const full = resolveConfiguration(config);
    if (opts.json === true) {
      io.stdout(`${outcomeJson(outcome, full, { ...resolveAttackParameters(a, values, full) }, net)}\n`);
      return;
    }
    const lines = [
      `attack ${outcome.attack} (${outcome.side} side${outcome.optimal ? ', claims optimality' : ''})`,
      wrap(`  gain        ${fmt(outcome.bitsPerSymbol)} bit per ${outcome.side === 'client' ? 'weight' : 'data'} symbol (${fmt(outcome.totalBits)} bit over ${outcome.symbols} symbols) — ${outcome.estimator}`, 100, 14),
      wrap(`  kind        ${KIND_TEXT[outcome.kind]}`, 100, 14),
      wrap(`  bound       ${fmt(outcome.boundBitsPerSymbol)} bit per symbol — ${outcome.bound}`, 100, 14),
      `  disturbance excess noise ${fmt(outcome.excessNoise)} SNU per active mode, loss ${fmt(outcome.lossIncrease)} (power fraction)`,
      `  detected    with probability ${fmt(outcome.detectionProbability)} (m = ${full.samples} samples, δ = ${full.delta})`,
      ...Object.entries(outcome.details).map(([k, v]) => wrap(`  ${k.padEnd(11)} ${typeof v === 'number' ? fmt(v) : String(v)}`, 100, 14)),
    ];
    io.stdout(`${lines.join('\n')}\n`);
  });
}
