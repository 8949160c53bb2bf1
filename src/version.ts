import { readFileSync } from 'node:fs';

/** Set by the CLI bundle at build time (scripts/bundle-cli.mjs), so that the one-file CLI needs no package.json beside it. */
declare const __QSDL_VERSION__: string | undefined;

/**
 * The qsdl version, recorded in every generated table and JSON answer: fixed into the
 * CLI bundle when it is built, else read from package.json (one level above both src/
 * and dist/).
 * @public
 */
export const QSDL_VERSION: string = typeof __QSDL_VERSION__ === 'string'
  ? __QSDL_VERSION__
  : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
