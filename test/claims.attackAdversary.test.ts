import { describe, expect, it } from 'vitest';
import { auditClaims } from '../src/claims/auditClaims.js';
import { isAttackClaim } from '../src/claims/claim.js';
import { parseClaims } from '../src/claims/parseClaims.js';
import { countingDataLeak } from '../src/bounds/countingDataLeak.js';

const file = (claims: unknown[]) => JSON.stringify({ format: 'qsdl-claims/1', name: 'atk', claims });
const noNet = { network: () => { throw new Error('no network'); }, test: () => { throw new Error('no test images'); } };

describe('a registered attack as a claim\'s adversary (docs/claims.md#adversaries)', () => {
  it('is parsed as an attack claim with its parameters, and the wrong side, an unknown attack or a bad parameter name the JSON path', () => {
    const ok = parseClaims(file([{ id: 'dc', kind: 'data-leakage', threshold: { fraction: 0.01 }, adversary: { attack: 'displace-and-count', parameters: { method: 'analytic' } }, region: { gain: [1.2, 2], inputs: 784, rows: 784 } }]));
    expect(isAttackClaim(ok.claims[0]!)).toBe(true);
    const refused = (adversary: unknown, kind = 'data-leakage') => {
      try {
        parseClaims(file([{ id: 'x', kind, threshold: { fraction: 0.01 }, adversary, region: kind === 'data-leakage' ? { gain: 2, inputs: 784, rows: 784 } : { mu: 4, gain: 2, inputs: 784 } }]));
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(refused({ attack: 'no-such-attack' })).toMatch(/^claims\[0\]\.adversary\.attack: attack must be one of .*received "no-such-attack"/);
    expect(refused({ attack: 'displace-and-count' }, 'weight-leakage')).toMatch(/^claims\[0\]\.adversary\.attack: weight-leakage claims need a client-side attack; "displace-and-count" is a server-side attack$/);
    expect(refused({ attack: 'displace-and-count', parameters: { colour: 'red' } })).toMatch(/^claims\[0\]\.adversary\.parameters: .*colour/);
    expect(refused({ attack: 'displace-and-count', extra: 1 })).toMatch(/^claims\[0\]\.adversary: unknown field "extra"/);
    expect(refused('magic')).toMatch(/^claims\[0\]\.adversary: must be one of "holevo-network"/);
  });

  it('refutes a claim where the attack achieves more than the threshold (displace-and-count at G = 2: the closed form 0.4253 bit > 0.01), and can never certify one', () => {
    const f = parseClaims(file([
      { id: 'refuted', kind: 'data-leakage', threshold: { fraction: 0.01 }, adversary: { attack: 'displace-and-count', parameters: { method: 'analytic' } }, region: { gain: [1.2, 2], inputs: 784, rows: 784 } },
      { id: 'met', kind: 'data-leakage', threshold: { fraction: 0.9 }, adversary: { attack: 'displace-and-count', parameters: { method: 'analytic' } }, region: { gain: [1.2, 2], inputs: 784, rows: 784 } },
    ]));
    const [refuted, met] = auditClaims(f, noNet);
    expect(refuted!.verdict).toBe('fails');
    expect(refuted!.method).toBe('attack-sampled');
    expect(refuted!.worstPoint.gain).toBe(2);
    expect(refuted!.margin).toBeCloseTo(0.01 - countingDataLeak({ gain: 2, inputs: 784, rows: 784, activeFraction: 0.5 }), 12);
    // Under every figure, the claim is still not certified by an attack.
    expect(met!.verdict).toBe('unknown');
    expect(met!.margin).toBeGreaterThan(0);
  });
});
