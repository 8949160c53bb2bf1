// Spawns the real built binary (npm test builds first) and checks stdout, stderr and exit code separately.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ATTACKS, runAttack } from '../src/index.js';

const BIN = fileURLToPath(new URL('../dist/qsdl.mjs', import.meta.url));

function qsdl(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('qsdl attack', () => {
  it('attack list names every registered attack with its side', () => {
    const r = qsdl('attack', 'list');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const a of ATTACKS) expect(r.stdout).toMatch(new RegExp(`^${a.name} \\(${a.side}`, 'm'));
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    const json = JSON.parse(qsdl('attack', 'list', '--json').stdout) as { name: string }[];
    expect(json.map((a) => a.name)).toEqual(ATTACKS.map((a) => a.name));
  });

  it('attack run NAME --json has the contract fields, equal to the library\'s outcome', () => {
    const r = qsdl('attack', 'run', 'tap-and-claim-loss', '--mu', '4', '--gain', '1.2', '--tap', '0.05', '--samples', '1e4', '--delta', '1e-3', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const lib = runAttack('tap-and-claim-loss', { mu: 4, gain: 1.2, samples: 1e4, delta: 1e-3 }, { tap: 0.05 });
    for (const f of ['side', 'bitsPerSymbol', 'boundBitsPerSymbol', 'excessNoise', 'lossIncrease', 'detectionProbability']) expect(out[f]).toEqual(lib[f as keyof typeof lib]);
    expect(out.side).toBe('client');
  });

  it('the table output names units and the bound', () => {
    const r = qsdl('attack', 'run', 'honest');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gain +[0-9.e-]+ bit per weight symbol/);
    expect(r.stdout).toMatch(/bound +[0-9.e-]+ bit per symbol/);
    expect(r.stdout).toMatch(/SNU per active mode/);
  });

  it('bad input: one line naming the flag, the range and the value, exit 2, no stack', () => {
    const cases: [string[], RegExp][] = [
      [['attack', 'run', 'nope'], /attack must be one of honest, .*; received "nope"/],
      [['attack', 'run', 'honest', '--tap', '0.1'], /--tap does not apply to attack honest/],
      [['attack', 'run', 'honest', '--dark-counts', '0.1'], /--dark-counts does not apply to attack honest/],
      [['attack', 'run', 'honest', '--mu', '-1'], /--mu must be a number in \(0, 1e6\]; received -1/],
      [['attack', 'run', 'honest', '--mu', 'abc'], /--mu must be a decimal number/],
      [['attack', 'run', 'honest', '--transmittance', '1.5'], /--transmittance must be a number in \[2\^−53 ≈ 1\.1e-16, 1\]; received 1.5/],
      [['attack', 'run', 'tap-and-claim-loss', '--tap', '1'], /--tap must be a number in \[0, 1\); received 1/],
      [['attack', 'run', 'honest', '--samples', '1.5'], /--samples must be an integer in \[2, 1e12\]; received 1.5/],
    ];
    for (const [args, message] of cases) {
      const r = qsdl(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });
});
