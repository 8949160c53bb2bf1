// Bundle the qsdl CLI: dist/qsdl.mjs (the package's `bin`) and the chunks it imports,
// dist/qsdl-chunk-*.mjs.
// Why a bundle: on the 2-core CI machine Node's ES-module loader spends 60–80 ms resolving
// and compiling the ~40 files of dist/cli (and commander, CommonJS) before the first line
// runs. Why chunks: one file of every command (1.5 MB) still cost about 50 ms to read and
// compile on every run; split at the commands' dynamic imports (src/cli/qsdl.ts), a run
// loads commander, the shell and the one command it runs (bench/run.mjs measures both).
// The chunks sit beside qsdl.mjs, so paths taken from import.meta.url (../claims/,
// ./check-worker.mjs, ./inference-worker.mjs, ./batch-worker.mjs) mean the same in every chunk.
// The library itself (dist/index.js) stays unbundled, as tsc emits it.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Worker scripts, each one file beside the bundle (found through __QSDL_BUNDLE__):
// the certificate checker's (src/check/checkWorker.ts), the parallel accuracy computations'
// (src/inference/inferenceWorker.ts) and a bound table's (src/cli/evaluators/batchWorker.ts;
// small, so that it starts fast).
for (const [entry, outfile] of [
  ['src/check/checkWorker.ts', 'dist/check-worker.mjs'],
  ['src/inference/inferenceWorker.ts', 'dist/inference-worker.mjs'],
  ['src/cli/evaluators/batchWorker.ts', 'dist/batch-worker.mjs'],
]) {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
}

// Chunks of an earlier build have other hashes: remove them, so dist/ (and the package) holds only this build's.
for (const f of readdirSync('dist')) if (f.startsWith('qsdl-chunk-')) rmSync(`dist/${f}`);

await build({
  entryPoints: { qsdl: 'src/cli/qsdl.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'qsdl-chunk-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // The version is fixed into the bundle (src/version.ts), so the CLI file runs wherever it is copied.
  define: { __QSDL_VERSION__: JSON.stringify(version), __QSDL_BUNDLE__: 'true' },
  logLevel: 'warning',
  // commander is CommonJS and calls require() for Node built-ins; give every file of the bundle one.
  banner: { js: "import { createRequire as __qsdlCreateRequire } from 'node:module';\nconst require = __qsdlCreateRequire(import.meta.url);" },
});
