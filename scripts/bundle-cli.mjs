// Bundle the qsdl CLI into one ES module, dist/qsdl.mjs (the package's `bin`).
// Why: on the 2-core CI machine Node's ES-module loader spends 60–80 ms resolving and
// compiling the ~40 files of dist/cli (and commander, CommonJS) before the first line
// runs; one file loads in a fraction of that (bench/run.mjs measures the batch path).
// The library itself (dist/index.js) stays unbundled, as tsc emits it.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/qsdl.ts'],
  outfile: 'dist/qsdl.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // commander is CommonJS and calls require() for Node built-ins; give the bundle one.
  banner: { js: "import { createRequire as __qsdlCreateRequire } from 'node:module';\nconst require = __qsdlCreateRequire(import.meta.url);" },
});
