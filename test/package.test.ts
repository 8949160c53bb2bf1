// The published package must hold everything the CLI needs at run time: pack it as npm
// publishes it, install the tarball into an empty folder, and run the installed qsdl on the
// committed network (a user's `npm install qsdl` found weights/ missing and exit 70).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Run a program without blocking the test worker (a blocked worker misses vitest's calls: npm install takes half a minute). */
async function run(file: string, args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e) };
  }
}

describe('the published package', () => {
  it('npm pack, install into an empty folder, run `qsdl accuracy`: the committed network is there and gives 97.36 %', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsdl-pack-'));
    // npm test has just built dist/; --ignore-scripts keeps pack from building it again.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const files = (info?.files ?? []).map((f) => f.path);
    for (const f of ['dist/qsdl.mjs', 'dist/index.js', 'weights/mnist-784-784-10.f32', 'weights/mnist-784-784-10.json', 'package.json']) expect(files).toContain(f);
    const app = join(dir, 'app');
    mkdirSync(app);
    const install = await run('npm', ['install', join(dir, info?.filename ?? ''), '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'], app);
    expect(install.status, install.stderr).toBe(0);
    expect(readdirSync(join(app, 'node_modules', 'qsdl', 'weights')).sort()).toEqual(['mnist-784-784-10.f32', 'mnist-784-784-10.json']);
    const r = await run(join(app, 'node_modules', '.bin', 'qsdl'), ['accuracy', '--mu', '4', '--gain', '2', '--json'], app);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { accuracy: number; networkSource: string; networkSha256: string };
    expect(out.accuracy).toBe(97.36); // the paper-2024 point, as `qsdl paper` reports it from the clone
    expect(out.networkSource).toBe('committed');
    expect(out.networkSha256).toBe((JSON.parse(readFileSync(join(ROOT, 'weights', 'mnist-784-784-10.json'), 'utf8')) as { sha256: string }).sha256);
  }, 300_000);
});
