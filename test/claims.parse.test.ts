// Claims files (issue 10 point 1 and point 7): the shipped files parse, the committed JSON
// Schema is the one the parser uses, and every malformed file is refused with a
// ClaimsFileError whose message names the JSON path and what is wrong there.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimLayer, LeakageClaim } from '../src/claims/claim.js';
import { CLAIMS_SCHEMA } from '../src/claims/claimsSchema.js';
import { ClaimsFileError, MAX_CLAIMS_BYTES, MAX_CLAIMS_DEPTH, parseClaims } from '../src/claims/parseClaims.js';
import { SHIPPED_CLAIMS } from '../src/claims/shippedClaims.js';
import { InputRangeError, InputTypeError } from '../src/inputError.js';

const claimsDir = (name: string) => fileURLToPath(new URL(`../claims/${name}`, import.meta.url));

/** The committed network, 784-784-10 (weights/: two layers, 784 × 784 and 10 × 784). */
const COMMITTED_SHAPES: readonly ClaimLayer[] = [
  { inputs: 784, rows: 784 },
  { inputs: 784, rows: 10 },
];
const shapes = (network: string): readonly ClaimLayer[] => {
  if (network !== 'committed') throw new Error(`test resolver knows only the committed network; asked for ${network}`);
  return COMMITTED_SHAPES;
};

const weight = { id: 'w', kind: 'weight-leakage', threshold: { fraction: 0.1 }, adversary: 'holevo', region: { mu: 4, gain: 2, inputs: 784 } };
const layerData = { id: 'd', kind: 'data-leakage', threshold: { fraction: 0.01 }, adversary: 'holevo-layer', region: { gain: 2, inputs: 784, rows: 784 } };
const networkData = { id: 'n', kind: 'data-leakage', threshold: { fraction: 0.01 }, adversary: 'holevo-network', region: { gain: 2 } };
const fileOf = (...claims: unknown[]) => ({ format: 'qsdl-claims/1', name: 'test', claims });
const textOf = (...claims: unknown[]) => JSON.stringify(fileOf(...claims));

/** The error parseClaims throws for `text` (fails the test if it returns or throws something else). */
function claimsError(text: string, withShapes = true): ClaimsFileError {
  try {
    parseClaims(text, withShapes ? shapes : undefined);
  } catch (e) {
    expect(e).toBeInstanceOf(ClaimsFileError);
    return e as ClaimsFileError;
  }
  throw new Error(`parseClaims accepted ${text.slice(0, 200)}`);
}

/** Asserts the message starts with the JSON path and contains every fragment. */
function expectRefused(text: string, path: string, ...fragments: string[]): void {
  const { message } = claimsError(text);
  expect(message.startsWith(`${path}: `), `message ${JSON.stringify(message)} should start with "${path}: "`).toBe(true);
  for (const f of fragments) expect(message).toContain(f);
}

describe('shipped claims files', () => {
  it('SHIPPED_CLAIMS names exactly the four files in claims/, in audit order', () => {
    expect(SHIPPED_CLAIMS).toEqual(['paper-2024', 'paper-2025', 'corrected', 'stronger-models']);
  });

  it.each(['paper-2024', 'paper-2025', 'corrected', 'stronger-models'])('claims/%s.json parses, named after its file, with unique ids', (name) => {
    const file = parseClaims(readFileSync(claimsDir(`${name}.json`), 'utf8'), shapes);
    expect(file.name).toBe(name);
    expect(file.claims.length).toBeGreaterThan(0);
    expect(new Set(file.claims.map((c) => c.id)).size).toBe(file.claims.length);
    expect(file.source.length).toBeGreaterThan(0);
  });

  it('whole-network claims take N, M and the layers from the committed network (784-784-10)', () => {
    const networkClaims = ['corrected', 'stronger-models']
      .flatMap((n) => parseClaims(readFileSync(claimsDir(`${n}.json`), 'utf8'), shapes).claims)
      .filter((c): c is LeakageClaim => c.kind !== 'accuracy' && c.adversary === 'holevo-network');
    expect(networkClaims.map((c) => c.id)).toEqual(['data-network-2024', 'data-network-2025', 'data-network-region']);
    for (const c of networkClaims) {
      expect(c.layers).toEqual(COMMITTED_SHAPES);
      expect(c.network).toBe('committed');
      expect(c.region.inputs).toEqual([784, 784]);
      expect(c.region.rows).toEqual([784, 784]);
    }
  });

  it('a whole-network claim without a network loader is refused at claims[i].network (corrected.json: claims[4])', () => {
    expect(claimsError(readFileSync(claimsDir('corrected.json'), 'utf8'), false).message).toMatch(/^claims\[4\]\.network: .*network/);
  });

  it('claims/claims.schema.json, the copy for editors that the shipped files name in $schema, deep-equals CLAIMS_SCHEMA', () => {
    const path = claimsDir('claims.schema.json');
    expect(existsSync(path), `${path} is missing (the shipped claims files point their "$schema" at it)`).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(CLAIMS_SCHEMA)));
  });
});

describe('defaults and derived values', () => {
  it('a minimal weight claim gets f = 1/2, b = 1 bit, 20 000 boxes / 120 s, and every other dimension fixed at its default', () => {
    const c = parseClaims(textOf(weight)).claims[0] as LeakageClaim;
    expect(c.activeFraction).toBe(0.5);
    expect(c.threshold).toEqual({ fraction: 0.1, bitsPerSymbol: 1 });
    expect(c.budget).toEqual({ boxes: 20_000, seconds: 120 });
    expect(c.statement).toBe('');
    expect(c.region).toEqual({
      mu: [4, 4], gain: [2, 2], inputs: [784, 784], rows: [784, 784], transmittance: [1, 1],
      technicalNoise: [0, 0], technicalPhotons: [0, 0], efficiency: [1, 1], queries: [1, 1], clients: [1, 1],
    });
  });

  it('lossDb [0, 1] becomes a transmittance range that contains 10^(−1/10) and 1 (rounded outward)', () => {
    const c = parseClaims(textOf({ ...weight, region: { ...weight.region, lossDb: [0, 1] } })).claims[0] as LeakageClaim;
    const [lo, hi] = c.region.transmittance;
    const D = Decimal.clone({ precision: 40 });
    // new D(lo) reads the shortest round-trip string, within half an ulp (≈ 6e-17) of lo; the
    // outward rounding asked for is one part in 2^50 (≈ 9e-16), far more.
    expect(new D(lo).lte(new D(10).pow(new D(-0.1)))).toBe(true);
    expect(hi).toBe(1);
    expect(1 - lo).toBeLessThan(0.21); // 10^(−0.1) ≈ 0.794: not a wider range than asked
  });

  it('finite size: m = 94 samples is accepted and m = 93 refused at δ = 1e-10 (Laurent–Massart needs m − 1 > 4·ln(1/δ) ≈ 92.10)', () => {
    const at = (samples: number) => textOf({ ...weight, finiteSize: { samples, delta: 1e-10 } });
    expect((parseClaims(at(94)).claims[0] as LeakageClaim).finiteSize).toEqual({ samples: 94, delta: 1e-10 });
    expectRefused(at(93), 'claims[0].finiteSize.samples', 'received 93', (1 + 4 * Math.log(1e10)).toPrecision(4));
  });

  it('brackets inside strings (escaped quotes included) do not count toward the nesting depth', () => {
    const statement = `quote \\" then ${'['.repeat(3 * MAX_CLAIMS_DEPTH)} and {{{`;
    const text = `{"format":"qsdl-claims/1","name":"t","claims":[{"id":"w","kind":"weight-leakage","statement":"${statement}","threshold":{"fraction":0.1},"adversary":"holevo","region":{"mu":4,"gain":2,"inputs":784}}]}`;
    expect(parseClaims(text).claims[0]!.statement).toBe(JSON.parse(`"${statement}"`));
  });

  it(`a file of exactly ${MAX_CLAIMS_BYTES} bytes is read; one byte more is refused`, () => {
    const text = textOf(weight);
    const padded = text + ' '.repeat(MAX_CLAIMS_BYTES - Buffer.byteLength(text));
    expect(parseClaims(padded).claims).toHaveLength(1);
    expect(claimsError(`${padded} `).message).toMatch(/1000001 bytes; at most 1000000/);
  });
});

describe('malformed claims files: one ClaimsFileError naming the JSON path', () => {
  it('wrong types name the path and the allowed types', () => {
    expectRefused(textOf({ ...weight, region: { ...weight.region, mu: 'four' } }), 'claims[0].region.mu', 'a number or [lo, hi]', 'received "four"');
    expectRefused(textOf({ ...weight, threshold: { fraction: '0.1' } }), 'claims[0].threshold.fraction', 'must be number');
    expectRefused(textOf({ ...weight, region: { ...weight.region, gain: [1, 'x'] } }), 'claims[0].region.gain[1]', 'must be number');
    expectRefused(JSON.stringify({ ...fileOf(weight), name: 5 }), 'name', 'must be string');
    expectRefused(JSON.stringify({ ...fileOf(weight), claims: {} }), 'claims', 'must be array');
    expectRefused('[]', '$ (the top level)', 'must be object');
  });

  it('an unknown adversary lists the adversaries that kind of claim allows', () => {
    expectRefused(textOf({ ...weight, adversary: 'magic' }), 'claims[0].adversary', '"holevo"', '"paper-2025-weight-model"');
    expectRefused(textOf({ ...layerData, adversary: 'holevo' }), 'claims[0].adversary', '"holevo-network"', '"holevo-layer"', '"paper-2024-data-model"', '"paper-2025-data-model"');
  });

  it('an unknown kind lists the four kinds', () => {
    expectRefused(textOf({ ...weight, kind: 'magic' }), 'claims[0].kind', '"weight-leakage"', '"lifetime"', '"data-leakage"', '"accuracy"');
  });

  it('an unknown field is refused wherever it appears (additionalProperties), named in quotes', () => {
    expectRefused(textOf({ ...weight, eval: 'process.exit()' }), 'claims[0]', 'unknown field "eval"');
    expectRefused(textOf({ ...weight, region: { ...weight.region, rows: 10 } }), 'claims[0].region', 'unknown field "rows"');
    expectRefused(textOf({ ...weight, threshold: { fraction: 0.1, bits: 1 } }), 'claims[0].threshold', 'unknown field "bits"');
    expectRefused(JSON.stringify({ ...fileOf(weight), extra: true }), '$ (the top level)', 'unknown field "extra"');
  });

  it('a missing field is named', () => {
    expectRefused(textOf({ id: 'w', kind: 'weight-leakage' }), 'claims[0]', 'missing field "threshold"');
    expectRefused(textOf({ ...weight, region: { gain: 2, inputs: 784 } }), 'claims[0].region', 'missing field "mu"');
    expectRefused(JSON.stringify({ format: 'qsdl-claims/1', claims: [weight] }), '$ (the top level)', 'missing field "name"');
  });

  it('an empty claims array and a wrong format tag are refused', () => {
    expectRefused(textOf(), 'claims', 'fewer than 1');
    expectRefused(JSON.stringify({ ...fileOf(weight), format: 'qsdl-claims/2' }), 'format', '"qsdl-claims/1"');
  });

  it('an inverted box [5, 4] names both ends', () => {
    expectRefused(textOf({ ...weight, region: { ...weight.region, mu: [5, 4] } }), 'claims[0].region.mu', 'inverted', '5', '4');
  });

  it('values outside a dimension\'s domain name the domain and the value: μ = 0, T = 1.5, G = 0.5', () => {
    expectRefused(textOf({ ...weight, region: { ...weight.region, mu: 0 } }), 'claims[0].region.mu', '(0, 1000000000000]', 'received 0');
    expectRefused(textOf({ ...weight, region: { ...weight.region, transmittance: 1.5 } }), 'claims[0].region.transmittance', '(0, 1]', 'received 1.5');
    expectRefused(textOf({ ...weight, region: { ...weight.region, gain: 0.5 } }), 'claims[0].region.gain', '[1, 1000000]', 'received 0.5');
    expectRefused(textOf({ ...weight, region: { ...weight.region, mu: [0, 4] } }), 'claims[0].region.mu', '(0, 1000000000000]', 'received [0,4]');
  });

  it('threshold fractions 0 and 2 are outside (0, 1]', () => {
    expectRefused(textOf({ ...weight, threshold: { fraction: 0 } }), 'claims[0].threshold.fraction', '> 0');
    expectRefused(textOf({ ...weight, threshold: { fraction: 2 } }), 'claims[0].threshold.fraction', '<= 1');
  });

  it('a duplicate id is named at its second use', () => {
    expectRefused(textOf(weight, layerData, { ...weight, statement: 'again' }), 'claims[2].id', '"w"', 'twice');
  });

  it('transmittance and lossDb together are refused', () => {
    expectRefused(textOf({ ...weight, region: { ...weight.region, transmittance: 1, lossDb: 1 } }), 'claims[0].region.lossDb', 'not both');
  });

  it('a data claim with a range of inputs is refused (its monotonicity in N is not proven)', () => {
    expectRefused(textOf({ ...layerData, region: { ...layerData.region, inputs: [100, 784] } }), 'claims[0].region.inputs', 'fixes N');
  });

  it('a whole-network claim that gives inputs (or rows) is refused: the network fixes them', () => {
    expectRefused(textOf({ ...networkData, region: { gain: 2, inputs: 784 } }), 'claims[0].region', 'do not give inputs or rows');
    expectRefused(textOf({ ...networkData, region: { gain: 2, rows: 10 } }), 'claims[0].region', 'do not give inputs or rows');
  });

  it('only a whole-network claim names a network', () => {
    expectRefused(textOf({ ...layerData, network: 'committed' }), 'claims[0].network', 'holevo-network');
  });

  it('a lifetime claim must span queries Q or clients K', () => {
    expectRefused(textOf({ ...weight, kind: 'lifetime' }), 'claims[0].region', 'queries Q or clients K');
    expect(parseClaims(textOf({ ...weight, kind: 'lifetime', region: { ...weight.region, clients: [1, 10] } })).claims[0]!.kind).toBe('lifetime');
  });

  it('finite size with too few samples names the least m and the m received', () => {
    expectRefused(textOf({ ...weight, finiteSize: { samples: 10, delta: 1e-10 } }), 'claims[0].finiteSize.samples', '93.10', 'received 10');
  });

  it('text that is not JSON is refused as such', () => {
    expect(claimsError('{"format": "qsdl-claims/1",').message).toMatch(/^claims file is not JSON: /);
    expect(claimsError('').message).toMatch(/^claims file is not JSON: /);
  });

  it('a file over 1 MB is refused by its size in UTF-8 bytes, before it is parsed', () => {
    expect(claimsError(`${textOf(weight)}${' '.repeat(MAX_CLAIMS_BYTES)}`).message).toMatch(/bytes; at most 1000000 are accepted/);
    // 500 001 two-byte characters: fewer than 1e6 UTF-16 units, more than 1e6 bytes.
    const wide = `{"x":"${'μ'.repeat(500_001)}"}`;
    expect(wide.length).toBeLessThan(MAX_CLAIMS_BYTES);
    expect(claimsError(wide).message).toMatch(new RegExp(`^claims file is ${'{"x":""}'.length + 2 * 500_001} bytes`));
  });

  it('a file nested 100 000 levels deep is refused by its depth, without a stack overflow', () => {
    const arrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    for (const text of [arrays, objects]) expect(claimsError(text).message).toBe(`claims file nests 100000 levels deep; at most ${MAX_CLAIMS_DEPTH} are accepted`);
  });

  it('a paper-2024 data claim needs n = f·N > 2 for its proven monotonicity', () => {
    const paper = { id: 'p', kind: 'data-leakage', threshold: { fraction: 0.01 }, adversary: 'paper-2024-data-model', region: { gain: 2, inputs: 4 } };
    expectRefused(textOf(paper), 'claims[0].region.inputs', 'f·N = 2');
    expect(parseClaims(textOf({ ...paper, region: { gain: 2, inputs: 5 } })).claims).toHaveLength(1);
  });

  it('a non-string argument is an InputTypeError, not a crash', () => {
    expect(() => parseClaims(42 as unknown as string)).toThrow(InputTypeError);
  });
});

describe('parseClaims never fails in an unplanned way', () => {
  const planned = (e: unknown) => e instanceof ClaimsFileError || e instanceof InputRangeError || e instanceof InputTypeError;

  it('random JSON values are accepted or refused with ClaimsFileError / InputRangeError / InputTypeError only', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseClaims(JSON.stringify(value) ?? 'null', shapes);
        } catch (e) {
          expect(planned(e), String(e)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('valid files with one to three fields replaced, deleted or added are accepted or refused with a ClaimsFileError', () => {
    // Random JSON alone rarely gets past the schema; mutating a valid file reaches the checks after it.
    const base = fileOf(
      { ...weight, region: { mu: [1, 4], gain: 2, inputs: 784, transmittance: [0.5, 1] }, finiteSize: { samples: 1_000_000, delta: 1e-10 }, budget: { boxes: 10 } },
      { ...weight, id: 'l', kind: 'lifetime', region: { ...weight.region, queries: [1, 10] } },
      { ...layerData, region: { ...layerData.region, technicalPhotons: [0, 1], efficiency: [0.5, 1] } },
      { ...networkData, network: 'committed' },
      { id: 'p', kind: 'data-leakage', threshold: { fraction: 0.01 }, adversary: 'paper-2024-data-model', region: { gain: 2, inputs: 784 } },
      { id: 'a', kind: 'accuracy', minPercent: 96, points: [{ mu: 4, gain: 2 }] },
    );
    expect(parseClaims(JSON.stringify(base), shapes).claims).toHaveLength(6);
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, at: (string | number)[]) => {
      if (at.length > 0) paths.push(at);
      if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, Array.isArray(v) ? Number(k) : k]);
    };
    walk(base, []);
    const keys = ['mu', 'gain', 'inputs', 'rows', 'transmittance', 'lossDb', 'technicalNoise', 'technicalPhotons', 'efficiency', 'queries', 'clients', 'network', 'finiteSize', 'activeFraction', 'budget', '__proto__', 'constructor'];
    const values = fc.oneof(
      fc.jsonValue(),
      fc.double(),
      fc.constantFrom<unknown>(0, -1, 0.5, 1, 2, 1e12, 1e-300, 5e-324, 1.7e308, [1, 1], [0, 1], [2, 1], [-1, 2], 'holevo', 'holevo-network', 'lifetime', 'data-leakage', 'accuracy', null, {}, []),
    );
    const mutation = fc.record({ path: fc.constantFrom(...paths), op: fc.constantFrom('set', 'delete', 'add'), key: fc.constantFrom(...keys), value: values });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const doc = structuredClone(base) as unknown as Record<string | number, unknown>;
        for (const m of mutations) {
          let o: unknown = doc;
          for (const k of m.path.slice(0, -1)) o = o !== null && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined;
          if (o === null || typeof o !== 'object') continue;
          const parent = o as Record<string | number, unknown>;
          const last = m.path[m.path.length - 1]!;
          // A fresh copy of the value: fc.constantFrom hands out the same object every run, and a
          // mutation that wrote into a shared value could make the next document cyclic.
          const value = m.value === undefined ? undefined : structuredClone(m.value);
          if (m.op === 'set') parent[last] = value;
          else if (m.op === 'delete') delete parent[last];
          else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) Object.defineProperty(parent[last], m.key, { value, enumerable: true, configurable: true, writable: true });
        }
        try {
          parseClaims(JSON.stringify(doc), () => COMMITTED_SHAPES); // any network name: the committed shapes
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(ClaimsFileError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
