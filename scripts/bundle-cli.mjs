// Bundle the qsdl CLI into one ES module, dist/qsdl.mjs (the package's `bin`).
// Why: on the 2-core CI machine Node's ES-module loader spends 60–80 ms resolving and
// compiling the ~40 files of dist/cli (and commander, CommonJS) before the first line
// runs; one file loads in a fraction of that (bench/run.mjs measures the batch path).
// The library itself (dist/index.js) stays unbundled, as tsc emits it.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The certificate checker's worker threads run dist/check-worker.mjs (src/check/checkWorker.ts),
// found beside the bundle through __QSDL_BUNDLE__.
await build({
  entryPoints: ['src/check/checkWorker.ts'],
  outfile: 'dist/check-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

// The parallel accuracy computations run dist/inference-worker.mjs (src/inference/inferenceWorker.ts).
await build({
  entryPoints: ['src/inference/inferenceWorker.ts'],
  outfile: 'dist/inference-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

await build({
  entryPoints: ['src/cli/qsdl.ts'],
  outfile: 'dist/qsdl.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // The version is fixed into the bundle (src/version.ts), so the CLI file runs wherever it is copied.
  define: { __QSDL_VERSION__: JSON.stringify(version), __QSDL_BUNDLE__: 'true' },
  logLevel: 'warning',
  // commander is CommonJS and calls require() for Node built-ins; give the bundle one.
  banner: { js: "import { createRequire as __qsdlCreateRequire } from 'node:module';\nconst require = __qsdlCreateRequire(import.meta.url);" },
});
