import { readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { renderBoundTable, TABLE_FORMATS } from '../../render/renderBoundTable.js';
import { standardBoundTables } from '../../studies/standardBoundTables.js';
import { errnoCode } from '../_internal/errnoText.js';
import { EXIT } from '../_internal/errors.js';
import { checkFolderFlag, commitOutputs, fileError, planOutput } from '../_internal/outputFile.js';
import { wrap } from '../../render/table.js';
import type { CliIo } from './common.js';
import { describeValue } from '../../_internal/validate.js';

/** Register `qsdl bounds`: write, or check, the publication tables of bounds/. @internal */
export function registerBounds(program: Command, io: CliIo): void {
  program
    .command('bounds')
    .description('write the publication tables (CSV, JSON, Markdown, LaTeX booktabs) into a folder, or check that the folder is current (exit 3 when it is not)')
    .option('--out <DIR>', 'folder for the tables (created if missing; the tables are replaced together or not at all)', 'bounds')
    .option('--check', 'write nothing; name every table that is missing or differs from a fresh computation, and exit 3 if any')
    .action(async (opts: { out: string; check?: boolean }) => {
      const files = standardBoundTables().flatMap((t) => TABLE_FORMATS.map((f) => ({ name: `${t.id}.${f}`, text: renderBoundTable(t, f) })));
      if (opts.check === true) {
        const missing: string[] = [];
        const differ: string[] = [];
        for (const f of files) {
          const p = join(opts.out, f.name);
          let st: Stats;
          try {
            st = statSync(p);
          } catch (e) {
            if (errnoCode(e) === 'ENOENT') {
              missing.push(f.name);
              continue;
            }
            throw fileError(e, `cannot read ${describeValue(p)}`);
          }
          // A table is a small regular file: anything else (a FIFO would wait for a writer) differs.
          if (!st.isFile() || st.size > 4 * Buffer.byteLength(f.text)) {
            differ.push(f.name);
            continue;
          }
          let text: string;
          try {
            text = readFileSync(p, 'utf8');
          } catch (e) {
            throw fileError(e, `cannot read ${describeValue(p)}`);
          }
          if (text !== f.text) differ.push(f.name);
        }
        if (missing.length + differ.length === 0) {
          io.stdout(`${opts.out}/: all ${files.length} tables are current\n`);
          return;
        }
        const lines = [
          `${opts.out}/ is not current (${missing.length + differ.length} of ${files.length} tables):`,
          ...(missing.length > 0 ? [wrap(`  missing: ${missing.join(', ')}`, 100, 4)] : []),
          ...(differ.length > 0 ? [wrap(`  differ from a fresh computation: ${differ.join(', ')}`, 100, 4)] : []),
          wrap(`Run \`qsdl bounds --out ${opts.out}\` (npm run bounds for bounds/) and commit the result.`),
        ];
        io.stdout(`${lines.join('\n')}\n`);
        io.verdict(EXIT.fails);
        return;
      }
      checkFolderFlag('--out', opts.out);
      await commitOutputs(files.map((f) => {
        const path = join(opts.out, f.name);
        return { plan: planOutput(path, { what: JSON.stringify(path), createFolder: true }), what: JSON.stringify(path), parts: [f.text] };
      }));
      io.stdout(`wrote ${files.length} tables to ${opts.out}/\n`);
    });
}
