// The public attack kit (src/attacks/kit/, docs/writing-an-attack.md): an attack defined outside the
// registry, from the helpers the library exports, runs through runAttack with the same checks of its
// arguments and of its outcome as a registered attack. The contract suite (attacks.contract.test.ts)
// runs the same outside attack beside the registered ones.
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, runAttack, type Attack, type AttackEvaluation } from '../src/index.js';
import { forgetfulClient } from './_helpers/outsideAttack.js';

/** The outside attack with its evaluation replaced by a broken one (a bug in the attack). */
const broken = (change: Partial<AttackEvaluation>): Attack => ({
  ...forgetfulClient,
  name: 'broken',
  evaluate: (c, p, ctx) => ({ ...forgetfulClient.evaluate(c, p, ctx), ...change }),
});

describe('an attack outside the registry, built from the public kit', () => {
  it('runs through runAttack: q times the honest client\'s information, with the honest client\'s bound and detection', () => {
    const honest = runAttack('honest', { mu: 4, gain: 2 });
    const r = runAttack(forgetfulClient, { mu: 4, gain: 2 }, { keep: 0.25 });
    expect(r.attack).toBe('forgetful-client');
    expect(r.side).toBe('client');
    expect(r.optimal).toBe(false);
    expect(r.kind).toBe('achieved');
    // q·(rowBits/N) and (q·rowBits)/N are both within one rounding of the exact product: 1e-15 relative covers two roundings
    expect(Math.abs(r.bitsPerSymbol - 0.25 * honest.bitsPerSymbol)).toBeLessThanOrEqual(1e-15 * honest.bitsPerSymbol);
    expect(r.boundBitsPerSymbol).toBe(honest.boundBitsPerSymbol);
    expect(r.detectionProbability).toBe(honest.detectionProbability);
    expect(r.details.rowTotalDetection).toBe(honest.details.rowTotalDetection);
    expect(r.details.rowNoiseShape).toBe('rank-one');
  });

  it('its parameters get their defaults and are checked against their domains, as a registered attack\'s', () => {
    expect(runAttack(forgetfulClient).details.keptRows).toBe(0.5);
    expect(() => runAttack(forgetfulClient, {}, { keep: 2 })).toThrow(InputRangeError);
    expect(() => runAttack(forgetfulClient, {}, { keep: 2 })).toThrow(/parameter keep of attack forgetful-client must be a number in \[0, 1\]; received 2/);
    expect(() => runAttack(forgetfulClient, {}, { tap: 0.1 })).toThrow(/parameter tap does not apply to attack forgetful-client/);
    expect(() => runAttack(forgetfulClient, { mu: -1 })).toThrow(/mean photon number mu .* received -1/);
  });

  it('its outcome is checked as a registered attack\'s: a non-finite figure, a detection probability outside [0, 1] or an unknown kind is reported as a bug in the attack', () => {
    expect(() => runAttack(broken({ bitsPerSymbol: Number.NaN }))).toThrow(/attack broken returned a non-finite bitsPerSymbol \(NaN\): a bug in the attack/);
    expect(() => runAttack(broken({ boundBitsPerSymbol: Infinity }))).toThrow(/attack broken returned a non-finite boundBitsPerSymbol/);
    expect(() => runAttack(broken({ detectionProbability: 1.5 }))).toThrow(/attack broken returned a detection probability 1.5 outside \[0, 1\]/);
    expect(() => runAttack(broken({ kind: 'guess' as AttackEvaluation['kind'] }))).toThrow(/attack broken returned kind guess, not one of achieved, holevo, model/);
  });

  it('an object without the Attack shape is an input error naming the field', () => {
    const { evaluate: _, ...noEvaluate } = forgetfulClient;
    expect(() => runAttack(noEvaluate as unknown as Attack)).toThrow(InputTypeError);
    expect(() => runAttack(noEvaluate as unknown as Attack)).toThrow(/attack object must have a function evaluate; received undefined/);
    expect(() => runAttack({ ...forgetfulClient, parameters: undefined } as unknown as Attack)).toThrow(/must have arrays uses and parameters/);
    expect(() => runAttack({ ...forgetfulClient, side: 'both' } as unknown as Attack)).toThrow(/side of attack forgetful-client must be one of client, server; received "both"/);
  });

  it('an outside attack named like a registered one runs itself, not the registry\'s', () => {
    const named = runAttack({ ...forgetfulClient, name: 'honest' }, {}, { keep: 0 });
    expect(named.attack).toBe('honest');
    expect(named.bitsPerSymbol).toBe(0);
    expect(runAttack('honest').bitsPerSymbol).toBeGreaterThan(0);
  });
});
