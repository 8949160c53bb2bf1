import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { renderBoundTable, TABLE_FORMATS } from '../../reports/renderBoundTable.js';
import { standardBoundTables } from '../../reports/standardBoundTables.js';
import { writeWhole } from '../_internal/batch.js';
import { CliError } from '../_internal/cliError.js';
import type { CliIo } from './common.js';

/** Register `qsdl bounds`: write, or check, the publication tables of bounds/. @internal */
export function registerBounds(program: Command, io: CliIo): void {
  program
    .command('bounds')
    .description('write the publication tables (CSV, JSON, Markdown, LaTeX booktabs) into a folder, or check that the folder is current')
    .option('--out <DIR>', 'folder for the tables', 'bounds')
    .option('--check', 'write nothing; exit 2 naming every file that differs from a fresh computation')
    .action((opts: { out: string; check?: boolean }) => {
      const files = standardBoundTables().flatMap((t) => TABLE_FORMATS.map((f) => ({ name: `${t.id}.${f}`, text: renderBoundTable(t, f) })));
      if (opts.check === true) {
        const stale = files.filter((f) => {
          const p = join(opts.out, f.name);
          return !existsSync(p) || readFileSync(p, 'utf8') !== f.text;
        });
        if (stale.length > 0) {
          throw new CliError(`${opts.out}/ is not current: ${stale.map((f) => f.name).join(', ')} differ from a fresh computation; run \`qsdl bounds --out ${opts.out}\` (npm run bounds for bounds/) and commit the result`);
        }
        io.stdout(`${opts.out}/: all ${files.length} tables are current\n`);
        return;
      }
      try {
        mkdirSync(opts.out, { recursive: true });
      } catch (e) {
        throw new CliError(`cannot create folder ${JSON.stringify(opts.out)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      for (const f of files) writeWhole(join(opts.out, f.name), [f.text]);
      io.stdout(`wrote ${files.length} tables to ${opts.out}/\n`);
    });
}
