import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { certificateText, proveLeakageClaim, type LeakageCertificate, type ShardSpec } from '../../claims/certificate.js';
import { isAttackClaim, type LeakageClaim } from '../../claims/claim.js';
import { DEFAULT_MEMORY_BOXES, MIN_MEMORY_BOXES } from '../../claims/branchAndBound.js';
import { EXIT, UsageError } from '../_internal/errors.js';
import { parseInDomain } from '../_internal/numericOption.js';
import { loadClaimsFile, shippedClaimsPaths, type LoadedClaims } from '../_internal/claimsFiles.js';
import { checkFolderFlag, commitOutputs, planOutput, type OutputPlan } from '../_internal/outputFile.js';
import { progressOn, withBar } from '../_internal/progress.js';
import { rejectFlags } from '../_internal/strictOptions.js';
import { shardFrom } from '../_internal/shardFlag.js';
import { quietOption, type CliIo } from './common.js';

/** The file name of a claim's certificate in an --out-dir folder: FILE/ID.json, or FILE/ID.shard-i-of-k.json. @internal */
export function certificateName(file: string, id: string, shard: ShardSpec): string {
  return join(file, shard.count === 1 ? `${id}.json` : `${id}.shard-${shard.index}-of-${shard.count}.json`);
}

interface Opts { claim?: string; out?: string; outDir?: string; shard?: string; memoryBoxes?: string; check?: boolean; quiet?: boolean }

/** Register `qsdl prove`: certificates of leakage claims (docs/claims.md#certificates). @internal */
export function registerProve(program: Command, io: CliIo): void {
  const cmd = program
    .command('prove')
    .argument('[CLAIMS...]', 'claims files (default: the shipped ones in claims/)')
    .description('prove leakage claims over their whole region by interval branch-and-bound and write re-checkable certificates (JSON; `qsdl check` re-verifies them); exit 0 when written, 3 when --check finds a committed certificate out of date')
    .option('--claim <ID>', 'only this claim (its id in the claims file)')
    .option('--out <FILE>', 'write the one selected claim\'s certificate here (whole or not at all)')
    .option('--out-dir <DIR>', 'write every leakage claim\'s certificate as DIR/FILE/ID.json (shards: ID.shard-i-of-k.json)')
    .option('--shard <i/k>', 'prove shard i of k of each region (default: Slurm\'s SLURM_ARRAY_TASK_ID/…_COUNT, Kubernetes\' JOB_COMPLETION_INDEX with QSDL_SHARDS, or the whole region)')
    .option('--memory-boxes <N>', `most open boxes (undecided, not yet split) kept in memory, an integer in [${MIN_MEMORY_BOXES}, 1e9]; the rest wait in a temporary file (TMPDIR) that is removed however the run ends; the certificate does not depend on it (default ${DEFAULT_MEMORY_BOXES})`)
    .option('--check', 'with --out-dir: compare with the certificates already there instead of writing (exit 3 if any differs or is missing)');
  quietOption(cmd);
  cmd.action(async (paths: string[], opts: Opts) => {
    rejectFlags(cmd, ['--check'], opts.outDir !== undefined, 'without --out-dir');
    if ((opts.out === undefined) === (opts.outDir === undefined)) throw new UsageError('give --out FILE (one claim) or --out-dir DIR (every leakage claim), not both and not neither');
    if (opts.outDir !== undefined) checkFolderFlag('--out-dir', opts.outDir);
    const shard = shardFrom(opts.shard);
    const memoryBoxes = opts.memoryBoxes === undefined ? undefined : parseInDomain('--memory-boxes', opts.memoryBoxes, { min: MIN_MEMORY_BOXES, max: 1e9, integer: true });
    const files: LoadedClaims[] = [];
    for (const p of paths.length > 0 ? paths : shippedClaimsPaths()) files.push(await loadClaimsFile(p));
    let selected: { file: string; claim: LeakageClaim }[] = files.flatMap((f) => f.file.claims.filter((c): c is LeakageClaim => c.kind !== 'accuracy' && !isAttackClaim(c)).map((claim) => ({ file: f.file.name, claim })));
    if (opts.claim !== undefined) {
      selected = selected.filter((s) => s.claim.id === opts.claim);
      if (selected.length === 0) {
        const named = files.flatMap((f) => f.file.claims).find((c) => c.id === opts.claim);
        const acc = named !== undefined && (named.kind === 'accuracy' || isAttackClaim(named));
        throw new UsageError(acc ? `claim "${opts.claim}" is ${named.kind === 'accuracy' ? 'an accuracy claim: it is statistical' : 'judged against a registered attack: an attack can refute, never certify'} and has no interval certificate (qsdl audit reports it)` : `no leakage claim "${opts.claim}" in ${files.map((f) => f.file.name).join(', ')}`);
      }
    }
    if (selected.length === 0) throw new UsageError('the claims files hold no leakage claim to prove (accuracy claims are statistical and claims against a registered attack are sampled: qsdl audit reports them)');
    if (opts.out !== undefined && selected.length !== 1) throw new UsageError(`--out writes one certificate, and ${selected.length} leakage claims are selected; name one with --claim ID, or give --out-dir DIR`);
    const progress = progressOn(opts.quiet === true);
    const certs: { name: string; cert: LeakageCertificate }[] = [];
    for (const s of selected) {
      const { certificate } = withBar(progress, `prove ${s.file}/${s.claim.id} [{bar}] {percentage}% | {value}/{total} boxes`, s.claim.budget.boxes, (bar) =>
        proveLeakageClaim(s.claim, s.file, shard, (leaves) => bar.update(leaves), { memoryBoxes }));
      certs.push({ name: certificateName(s.file, s.claim.id, shard), cert: certificate });
    }
    if (opts.check === true) {
      const stale: string[] = [];
      for (const c of certs) {
        const path = join(opts.outDir!, c.name);
        let old: string | undefined;
        try {
          old = readFileSync(path, 'utf8');
        } catch {
          old = undefined;
        }
        if (old !== certificateText(c.cert)) stale.push(`${path} ${old === undefined ? 'is missing' : 'differs from a fresh proof'}`);
      }
      for (const s of stale) process.stderr.write(`qsdl: prove --check: ${s}\n`);
      io.stdout(`${certs.length - stale.length} of ${certs.length} certificates current${stale.length > 0 ? '; regenerate with: npm run certificates' : ''}\n`);
      io.verdict(stale.length > 0 ? EXIT.fails : EXIT.ok);
      return;
    }
    const outputs: { plan: OutputPlan; what: string; parts: string[] }[] = certs.map((c) => {
      const target = opts.out ?? join(opts.outDir!, c.name);
      const what = opts.out !== undefined ? `--out ${JSON.stringify(opts.out)}` : `certificate ${JSON.stringify(target)}`;
      return { plan: planOutput(target, { what, createFolder: opts.outDir !== undefined }), what, parts: [certificateText(c.cert)] };
    });
    await commitOutputs(outputs);
    for (const [i, c] of certs.entries()) {
      const s = c.cert.summary;
      const boxes = (k: number, what: string) => `${k} box${k === 1 ? '' : 'es'} ${what}`;
      io.stdout(`${c.cert.claimsFile}/${c.cert.claim.id}: ${s.verdict} (${boxes(s.boxes.holds, 'hold')}, ${boxes(s.boxes.fails, 'fail')}, ${boxes(s.boxes.unknown, 'open')}; shard ${c.cert.shard.index} of ${c.cert.shard.count}) → ${outputs[i]!.plan.shown} sha256 ${c.cert.sha256.slice(0, 16)}…\n`);
    }
  });
}
