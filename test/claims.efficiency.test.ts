// The server's detector efficiency η in weight claims (issue 11 part 4): η enters χ_W only
// through the finite-size limit the server infers from what its detector sees,
// ε_fs = ((1 + η·ε)·c − 1)/η (proofs/certified-evaluation.md §4.7), non-increasing in η; without
// a finite size the quantity does not depend on η. The prover and the checker (its own formula)
// agree on a 6-D region, and a registered weight attack takes no η.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proveLeakageClaim } from '../src/claims/certificate.js';
import type { LeakageClaim } from '../src/claims/claim.js';
import { parseClaims } from '../src/claims/parseClaims.js';
import { claimQuantities } from '../src/claims/_internal/claimQuantities.js';
import { checkCertificates } from '../src/check/checkCertificates.js';
import { DIMENSION_NAMES, type Point } from '../src/claims/dimensions.js';
import { ClaimsFileError } from '../src/claims/parseClaims.js';

const weightClaim = (extra: Record<string, unknown>): LeakageClaim =>
  parseClaims(JSON.stringify({ format: 'qsdl-claims/1', name: 'eta', claims: [{ id: 'w', kind: 'weight-leakage', threshold: { fraction: 0.1 }, adversary: 'holevo', region: { mu: 4, gain: 2, inputs: 784, transmittance: 0.9, efficiency: [0.1, 1] }, ...extra }] })).claims[0] as LeakageClaim;
const at = (claim: LeakageClaim, efficiency: number): Point => ({ ...(Object.fromEntries(DIMENSION_NAMES.map((d) => [d, claim.region[d][0]])) as Record<string, number>), efficiency } as unknown as Point);
const ETAS = [0.1, 0.2, 0.35, 0.5, 0.7, 0.9, 1];

describe('detector efficiency η in weight claims', () => {
  it('with a finite size (m = 1e6, δ = 1e-10) both χ_W quantities fall strictly as η rises, by more than their enclosures\' width', () => {
    const claim = weightClaim({ finiteSize: { samples: 1e6, delta: 1e-10 } });
    const qs = claimQuantities(claim);
    for (const q of [qs.upper, qs.lower!]) {
      const v = ETAS.map((e) => q.at(at(claim, e)));
      for (let i = 1; i < v.length; i += 1) expect(v[i]![1], `${q.name} at η = ${ETAS[i]}`).toBeLessThan(v[i - 1]![0]);
      expect(q.directions.efficiency).toBe(-1);
    }
  });

  it('without a finite size both χ_W quantities are the same enclosure at every η (η does not enter)', () => {
    const claim = weightClaim({});
    const qs = claimQuantities(claim);
    for (const q of [qs.upper, qs.lower!]) {
      const first = q.at(at(claim, ETAS[0]!));
      for (const e of ETAS) expect(q.at(at(claim, e))).toEqual(first);
    }
  });

  it('at η = 1 the finite-size limit is the one weight claims had before η entered, (1 + ε)·c − 1: χ_W equals, to 1e-12, that of a claim with this ε and no finite size', () => {
    const claim = weightClaim({ finiteSize: { samples: 1e6, delta: 1e-10 } });
    const c = 1 / (1 - 2 * Math.sqrt(Math.log(1e10) / (1e6 - 1)));
    const eps = (1 + (2 * 0.5) / (0.5 * 784)) * c - 1; // G = 2: 2(G − 1)/(G·f·N) with f = 1/2
    const q = claimQuantities(claim).lower!.at(at(claim, 1));
    // Reference: a claim at G = 1 (no added noise) whose technical noise is that ε, without a finite size.
    const plain = weightClaim({ region: { mu: 4, gain: 1, inputs: 784, transmittance: 0.9, technicalNoise: eps } });
    const direct = claimQuantities(plain).lower!.at(at(plain, 1));
    expect(Math.abs(q[0] - direct[0])).toBeLessThan(1e-12 * direct[0]);
  });

  it('the 6-D bench region (bench/weight-6d.claims.json) at 600 boxes: some boxes split along η, and the checker confirms every decided box with its own formula', async () => {
    const claim = parseClaims(readFileSync(new URL('../bench/weight-6d.claims.json', import.meta.url), 'utf8')).claims[0] as LeakageClaim;
    const { certificate } = proveLeakageClaim({ ...claim, budget: { boxes: 600, seconds: 60 } }, 'bench-6d');
    const eta = DIMENSION_NAMES.indexOf('efficiency');
    expect(certificate.boxes.some((b) => (b.path.match(/../g) ?? []).some((step) => step[0] === String(eta)))).toBe(true);
    expect(certificate.summary.boxes.holds).toBeGreaterThan(0);
    expect(certificate.summary.boxes.fails).toBeGreaterThan(0);
    const report = await checkCertificates([{ name: 'six.json', text: JSON.stringify(certificate) }], { workers: 1 });
    expect(report.problems).toEqual([]);
    expect(report.claims[0]!.confirmed).toBe(certificate.summary.boxes.holds + certificate.summary.boxes.fails);
  });

  it('a claim against a registered weight attack that gives region.efficiency is a ClaimsFileError naming the field', () => {
    const parse = () => parseClaims(JSON.stringify({ format: 'qsdl-claims/1', name: 'a', claims: [{ id: 'w', kind: 'weight-leakage', threshold: { fraction: 0.1 }, adversary: { attack: 'honest' }, region: { mu: 4, gain: 2, inputs: 784, efficiency: 0.9 } }] }));
    expect(parse).toThrow(ClaimsFileError);
    expect(parse).toThrow(/claims\[0\]\.region\.efficiency: a registered attack on the weights takes no server detector efficiency/);
  });
});
