import { oneOf } from '../../_internal/validate.js';
import { ATTACK_FIGURE_KINDS, type AttackEvaluation, type AttackFigureKind } from '../attack.js';

/**
 * An evaluation built without its kind (by {@link clientOutcome}, or the server helpers), with
 * the kind the attack states for its figure (docs/attacks.md#kinds): `achieved`, `holevo` or
 * `model` ({@link AttackFigureKind}).
 *
 * @param kind - what the figure is
 * @param evaluation - the evaluation less its kind
 * @returns the evaluation with its kind
 * @throws RangeError for a kind not in {@link ATTACK_FIGURE_KINDS}
 * @example withKind('achieved', clientOutcome(c, honestChannel(c), bits, 'homodyne', {})).kind // returns 'achieved'
 * @public
 */
export function withKind(kind: AttackFigureKind, evaluation: Omit<AttackEvaluation, 'kind'>): AttackEvaluation {
  return { ...evaluation, kind: oneOf('figure kind', kind, ATTACK_FIGURE_KINDS) };
}
