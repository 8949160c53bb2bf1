import { join } from 'node:path';
import type { Command } from 'commander';
import { auditClaims, auditVerdict, type ClaimAudit } from '../../claims/auditClaims.js';
import { certificateText } from '../../claims/certificate.js';
import { auditReportHtml, pointText } from '../../render/auditReportHtml.js';
import { formatTable, verdictWord, wrap } from '../../render/table.js';
import { QSDL_VERSION } from '../../version.js';
import { verdictExit } from '../_internal/errors.js';
import { claimNetwork, loadClaimsFile, shippedClaimsPaths, type LoadedClaims } from '../_internal/claimsFiles.js';
import { loadMnistData } from '../_internal/networkFlag.js';
import { checkFolderFlag, commitOutputs, planOutput, type OutputPlan } from '../_internal/outputFile.js';
import { progressOn } from '../_internal/progress.js';
import { CLAIMS_SCHEMA } from '../../claims/claimsSchema.js';
import { rejectFlags } from '../_internal/strictOptions.js';
import { quietOption, type CliIo } from './common.js';
import { certificateName } from './prove.js';

interface Opts { json?: boolean; report?: string; certificates?: string; quiet?: boolean; schema?: boolean }

/** A margin in 3 digits; its unit is in the column heading (bits per symbol; accuracy: percentage points). */
function marginText(a: ClaimAudit): string {
  const m = Math.abs(a.margin);
  return `${a.margin >= 0 ? '+' : '−'}${m >= 1e-3 && m < 1e4 ? Number(m.toPrecision(3)).toString() : m.toExponential(2)}${a.marginUnit === 'percentage points' ? ' pt' : ''}`;
}

/** A worst point, compact: μ=4 G=2 (defaults left out: N = M = 784, T = 1, ε_tech = t = 0, η = Q = K = 1). */
function compactPoint(a: ClaimAudit): string {
  return pointText(a.worstPoint, true).replace(/ = /g, '=').replace(/, /g, ' ') || 'defaults';
}

/** Register `qsdl audit`: the main job (docs/claims.md#audit). @internal */
export function registerAudit(program: Command, io: CliIo): void {
  const cmd = program
    .command('audit')
    .argument('[CLAIMS...]', 'claims files (default: the shipped ones in claims/ — the paper\'s claims as published, corrected and against stronger models)')
    .description('audit claims: a verdict for every point of each claim\'s region (leakage: interval-certified by branch-and-bound; accuracy: statistical), one line per claim; exit 0 if every claim holds, 3 if one fails, 4 if one is undecided (about 20 s for the shipped claims: the accuracy claims run the network on 10 000 test images)')
    .option('--json', 'print one JSON object (fields claim, verdict, margin, worstPoint, … per claim)')
    .option('--report <FILE.html>', 'also write a self-contained HTML report (whole or not at all)')
    .option('--certificates <DIR>', 'also write each leakage claim\'s certificate as DIR/FILE/ID.json (re-check with qsdl check)')
    .option('--schema', 'print the claims files\' JSON Schema and exit');
  quietOption(cmd);
  cmd.action(async (paths: string[], opts: Opts) => {
    if (opts.schema === true) {
      rejectFlags(cmd, ['--json', '--report', '--certificates'], false, 'with --schema');
      if (paths.length > 0) rejectFlags(cmd, ['--schema'], false, 'with claims files');
      io.stdout(`${JSON.stringify(CLAIMS_SCHEMA, null, 2)}\n`);
      return;
    }
    if (opts.certificates !== undefined) checkFolderFlag('--certificates', opts.certificates);
    const reportPlan: OutputPlan | undefined = opts.report === undefined ? undefined : planOutput(opts.report, { what: `--report ${JSON.stringify(opts.report)}` });
    const files: LoadedClaims[] = [];
    for (const p of paths.length > 0 ? paths : shippedClaimsPaths()) files.push(await loadClaimsFile(p));
    const total = files.reduce((s, f) => s + f.file.claims.length, 0);
    const bar = progressOn(opts.quiet === true).bar('audit {claim} [{bar}] {percentage}% | claim {value}/{total}', total, { claim: '' });
    const audits: ClaimAudit[] = [];
    try {
      let done = 0;
      for (const f of files) {
        let test: ReturnType<typeof loadMnistData> | undefined;
        audits.push(...auditClaims(f.file, {
          network: (name) => claimNetwork(f, name),
          test: () => (test ??= loadMnistData('test')),
          onProgress: (i, _n, frac) => bar.update(done + i + Math.min(frac, 0.999), { claim: `${f.file.name}/${f.file.claims[i]!.id}` }),
        }));
        done += f.file.claims.length;
      }
      bar.update(total, { claim: '' });
    } finally {
      bar.stop();
    }
    const verdict = auditVerdict(audits);
    const outputs: { plan: OutputPlan; what: string; parts: string[] }[] = [];
    if (reportPlan !== undefined) outputs.push({ plan: reportPlan, what: `--report ${JSON.stringify(opts.report)}`, parts: [auditReportHtml(audits, { version: QSDL_VERSION, files: files.map((f) => f.path), verdict })] });
    if (opts.certificates !== undefined) {
      for (const a of audits) {
        if (a.certificate === undefined) continue;
        const target = join(opts.certificates, certificateName(a.certificate.claimsFile, a.certificate.claim.id, { index: 1, count: 1 }));
        const what = `certificate ${JSON.stringify(target)}`;
        outputs.push({ plan: planOutput(target, { what, createFolder: true }), what, parts: [certificateText(a.certificate)] });
      }
    }
    if (outputs.length > 0) await commitOutputs(outputs);
    io.verdict(verdictExit(verdict));
    if (opts.json === true) {
      const claims = audits.map(({ certificate, ...rest }) => ({ ...rest, certificateSha256: certificate?.sha256 }));
      io.stdout(`${JSON.stringify({ qsdlVersion: QSDL_VERSION, verdict, claimsFiles: files.map((f) => f.path), claims }, null, 2)}\n`);
      return;
    }
    io.stdout(`qsdl ${QSDL_VERSION} audit: ${audits.length} claims in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
    for (const f of files) {
      const mine = audits.filter((a) => a.claim.startsWith(`${f.file.name}/`));
      const rows = mine.map((a) => [`  ${a.claim.slice(f.file.name.length + 1)}`, verdictWord(a.verdict), marginText(a), compactPoint(a), a.how]);
      io.stdout(`\n${f.file.name} (${f.path.replace(/^.*\/claims\//, 'claims/')})\n${formatTable(['  claim', 'verdict', 'margin', 'worst point', 'decided by'], rows)}\n`);
    }
    io.stdout(`\n${wrap('Worst point: defaults left out (N = M = 784, T = 1, ε_tech = t = 0, η = Q = K = 1). Margin: threshold − value there, bits per symbol (+ meets the claim, − misses it); accuracy in percentage points. Decided by: bound = a proven upper bound, Holevo = an exact Holevo quantity an attack reaches, attack = an attack that really runs, model = a published model (neither), statistical = accuracy on the test images, sampled = a registered attack run at sampled points (it can refute, never certify). Bound, Holevo and model verdicts hold for every point of the region (interval branch-and-bound; qsdl check re-verifies the certificates); accuracy verdicts are statistical. Details: --json, --report FILE.html, docs/claims.md.')}\n`);
    io.stdout(`Verdict: ${verdictWord(verdict)} (exit ${verdictExit(verdict)})\n`);
  });
}
