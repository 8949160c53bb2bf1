// `npm start`: the main job. First `qsdl audit` of the shipped claims (claims/: the paper's
// claims as published, corrected, and against stronger models — a verdict for every point of
// each region), then qsdl's reports on the paper, each under a heading, and their verdicts.
// The commands exit 3 when a claim fails and 4 when one cannot be decided
// (docs/cli.md#exit-codes); that is their finding, not a failure of this job, which exits 0
// once all have run and non-zero only when one could not (bad installation, bug: 2, 70, 74, …).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));
const WIDTH = 100;
const VERDICT = { 0: 'every claim holds', 3: 'a claim FAILS', 4: 'a claim is UNKNOWN (an upper bound is above the threshold, no attack reaches it)' };

const sections = [
  { title: 'Audit of the shipped claims: the paper as published, corrected, and against stronger models', args: ['audit'] },
  { title: 'The paper\'s operating points: its claims, both published codes, qsdl\'s values', args: ['paper'] },
  { title: 'The headline claim over the whole (μ, G) grid of the paper\'s figure', args: ['headline'] },
  { title: 'Every attack of the library against the bounds, at the paper-2024 point', args: ['attack', 'table'] },
];

function heading(n, title, args) {
  const text = `${n}/${sections.length}  ${title}  (qsdl ${args.join(' ')})`;
  process.stdout.write(`\n${'═'.repeat(WIDTH)}\n${text}\n${'═'.repeat(WIDTH)}\n\n`);
}

const results = [];
for (const [i, s] of sections.entries()) {
  heading(i + 1, s.title, s.args);
  const r = spawnSync(process.execPath, [BIN, ...s.args], { stdio: 'inherit' });
  const code = r.status ?? 128 + 15;
  results.push({ command: `qsdl ${s.args.join(' ')}`, code });
  if (code !== 0 && !(code in VERDICT)) {
    process.stderr.write(`npm start: \`qsdl ${s.args.join(' ')}\` stopped with exit ${code}; the job is incomplete\n`);
    process.exit(code);
  }
}
process.stdout.write(`\n${'═'.repeat(WIDTH)}\nSummary\n${'═'.repeat(WIDTH)}\n`);
for (const r of results) {
  const verdict = r.command === 'qsdl attack table' ? 'ran (a table, no verdict)' : `${VERDICT[r.code]} (exit ${r.code})`;
  process.stdout.write(`${r.command.padEnd(20)} ${verdict}\n`);
}
process.stdout.write('Exit codes: docs/cli.md#exit-codes. The model behind every number: docs/model.md.\n');
