import { clientOutcome, homodyneInformation, honestChannel, withKind, type Attack } from '../../src/index.js';

/**
 * An attack written outside qsdl, as a researcher would in their own project: built from the
 * public attack kit only (imported from the library's entry) and never added to the registry.
 * A client that runs the honest homodyne but keeps the outcome of only a fraction q of the rows
 * (drops the rest): it learns q times the honest client's Shannon information and disturbs
 * nothing, so it sits under the bound wherever the honest client does.
 */
export const forgetfulClient: Attack = {
  name: 'forgetful-client',
  side: 'client',
  summary: 'the honest homodyne, keeping the outcome of a fraction q of the rows',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  parameters: [{ name: 'keep', description: 'fraction q of the rows whose outcome the client keeps', kind: 'number', min: 0, max: 1, default: 0.5 }],
  cost: 'fast',
  evaluate(c, p) {
    const q = p.keep as number;
    const rowBits = homodyneInformation(c.transmittance * c.mu, c.gain);
    return withKind('achieved', clientOutcome(c, honestChannel(c), (q * rowBits) / c.inputs, 'Shannon information of the honest homodyne on the fraction q of rows kept', { bitsPerRow: rowBits, keptRows: q }));
  },
};
