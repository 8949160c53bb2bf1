/**
 * The JSON Schema (draft 2020-12) of a claims file (docs/claims.md#format). A copy is
 * committed at claims/claims.schema.json for editors and other tools; a test keeps the
 * two equal. The schema checks shape and types; ranges that depend on each other (lo ≤ hi,
 * which dimensions a kind may span) are checked after it, with the same JSON paths.
 * @public
 */
export const CLAIMS_SCHEMA_ID = 'https://qsdl.dev/schema/claims-1.json';

const range = (description: string) => ({
  description: `${description}: one number (a fixed value) or [lo, hi]`,
  type: ['number', 'array'],
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
});

const regionProperties = {
  mu: range('μ, mean photon number per weight symbol (photons), in (0, 1e12]'),
  gain: range('G, the client\'s gain, in [1, 1e6]'),
  inputs: range('N, inputs per row (modes), in [1, 1e9]'),
  rows: range('M, rows of the layer, in [1, 1e10]'),
  transmittance: range('T, round-trip power transmittance, in (0, 1]'),
  lossDb: range('round-trip loss in dB (−10·log10 T), in [0, 100]; give this or transmittance'),
  technicalNoise: range('ε_tech, technical excess noise (SNU, output-referred), in [0, 10]'),
  technicalPhotons: range('t, technical-noise photons per row along x̂, in [0, 100]'),
  efficiency: range('η, the server\'s detector efficiency, in (0, 1]'),
  queries: range('Q, inferences with the same weights, in [1, 1e9]'),
  clients: range('K, colluding clients, in [1, 1e6]'),
};

const threshold = {
  type: 'object',
  description: 'leakage at most fraction × bitsPerSymbol bits per symbol (b_w for weights, b_x for data)',
  required: ['fraction'],
  additionalProperties: false,
  properties: {
    fraction: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'fraction of b bits, in (0, 1]' },
    bitsPerSymbol: { type: 'number', exclusiveMinimum: 0, maximum: 64, description: 'b, the bits per symbol an adversary needs (default 1)' },
  },
};

const budget = {
  type: 'object',
  additionalProperties: false,
  description: 'branch-and-bound budget',
  properties: {
    boxes: { type: 'integer', minimum: 1, maximum: 10000000, description: 'most boxes in the certificate (default 20000)' },
    seconds: { type: 'number', exclusiveMinimum: 0, maximum: 86400, description: 'most seconds of splitting (default 120)' },
  },
};

const common = {
  id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'short name, unique in the file' },
  statement: { type: 'string', maxLength: 2000, description: 'the claim in words' },
};

/** The schema object. @public */
export const CLAIMS_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: CLAIMS_SCHEMA_ID,
  title: 'qsdl claims file',
  type: 'object',
  required: ['format', 'name', 'claims'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    format: { const: 'qsdl-claims/1' },
    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
    source: { type: 'string', maxLength: 4000 },
    claims: { type: 'array', minItems: 1, maxItems: 100, items: { $ref: '#/$defs/claim' } },
  },
  $defs: {
    attackAdversary: {
      type: 'object',
      description: 'a registered attack (qsdl attack list) run at sampled points: it can refute a claim, never certify it',
      required: ['attack'],
      additionalProperties: false,
      properties: {
        attack: { type: 'string', minLength: 1, maxLength: 64 },
        parameters: { type: 'object', maxProperties: 16, additionalProperties: { type: ['string', 'number'], maxLength: 64 } },
      },
    },
    claim: {
      type: 'object',
      required: ['id', 'kind'],
      properties: { kind: { enum: ['weight-leakage', 'lifetime', 'data-leakage', 'accuracy'] } },
      allOf: [
        { if: { properties: { kind: { enum: ['weight-leakage', 'lifetime'] } } }, then: { $ref: '#/$defs/weight' } },
        { if: { properties: { kind: { const: 'data-leakage' } } }, then: { $ref: '#/$defs/data' } },
        { if: { properties: { kind: { const: 'accuracy' } } }, then: { $ref: '#/$defs/accuracy' } },
      ],
    },
    weight: {
      type: 'object',
      required: ['id', 'kind', 'threshold', 'adversary', 'region'],
      additionalProperties: false,
      properties: {
        ...common,
        kind: { enum: ['weight-leakage', 'lifetime'] },
        threshold,
        adversary: { anyOf: [{ $ref: '#/$defs/attackAdversary' }, { enum: ['holevo', 'paper-2025-weight-model'] }], description: 'holevo: the Holevo quantity χ_W of collective attacks; paper-2025-weight-model: χ_W/2 as paper-2025 plots it (a model, not a bound)' },
        region: {
          type: 'object',
          additionalProperties: false,
          required: ['mu', 'gain', 'inputs'],
          properties: { mu: regionProperties.mu, gain: regionProperties.gain, inputs: regionProperties.inputs, transmittance: regionProperties.transmittance, lossDb: regionProperties.lossDb, technicalNoise: regionProperties.technicalNoise, efficiency: regionProperties.efficiency, queries: regionProperties.queries, clients: regionProperties.clients },
        },
        activeFraction: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'f in ε = 2(G − 1)/(G·f·N) (default 0.5)' },
        finiteSize: {
          type: 'object',
          additionalProperties: false,
          required: ['samples', 'delta'],
          description: 'the server estimates ε from m samples; the claim uses its upper limit at confidence 1 − δ',
          properties: { samples: { type: 'integer', minimum: 2, maximum: 1e15 }, delta: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
        },
        budget,
      },
    },
    data: {
      type: 'object',
      required: ['id', 'kind', 'threshold', 'adversary', 'region'],
      additionalProperties: false,
      properties: {
        ...common,
        kind: { const: 'data-leakage' },
        threshold,
        adversary: { anyOf: [{ $ref: '#/$defs/attackAdversary' }, { enum: ['holevo-network', 'holevo-layer', 'paper-2024-data-model', 'paper-2025-data-model'] }], description: 'holevo-network: whole-network bound, layer shapes from the network; holevo-layer: one layer of N inputs and M rows; paper-2024-data-model: the 2024 code\'s homodyne Cramér–Rao model (σ⁸); paper-2025-data-model: the 2025 code\'s revised model (both models, not bounds)' },
        network: { type: 'string', minLength: 1, maxLength: 4096, description: '"committed" (default) or a network file (holevo-network only)' },
        region: {
          type: 'object',
          additionalProperties: false,
          required: ['gain'],
          properties: { gain: regionProperties.gain, inputs: regionProperties.inputs, rows: regionProperties.rows, technicalPhotons: regionProperties.technicalPhotons, efficiency: regionProperties.efficiency },
        },
        activeFraction: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'p, the stylised prior\'s fraction of active pixels, for the achieved attack (default 0.5)' },
        budget,
      },
    },
    accuracy: {
      type: 'object',
      required: ['id', 'kind', 'minPercent', 'points'],
      additionalProperties: false,
      properties: {
        ...common,
        kind: { const: 'accuracy' },
        minPercent: { type: 'number', minimum: 0, maximum: 100, description: 'accuracy at least this (percent)' },
        points: {
          type: 'array',
          minItems: 1,
          maxItems: 64,
          items: { type: 'object', required: ['mu', 'gain'], additionalProperties: false, properties: { mu: { type: 'number', exclusiveMinimum: 0, maximum: 1e12 }, gain: { type: 'number', exclusiveMinimum: 1, maximum: 1e6 } } },
        },
        network: { type: 'string', minLength: 1, maxLength: 4096, description: '"committed" (default) or a network file' },
        images: { type: 'integer', minimum: 100, maximum: 10000, description: 'MNIST test images (default 10000)' },
        seed: { type: 'integer', minimum: 0, maximum: 4294967295, description: 'noise seed (default 1)' },
        confidence: { type: 'number', minimum: 0.5, exclusiveMaximum: 1, description: 'confidence of the Clopper–Pearson interval (default 0.99)' },
      },
    },
  },
};
