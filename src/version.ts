import { readFileSync } from 'node:fs';

/**
 * The qsdl version, read from package.json (one level above both src/ and dist/),
 * recorded in every generated table and JSON answer.
 * @public
 */
export const QSDL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
