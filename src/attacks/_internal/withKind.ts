import type { AttackEvaluation, AttackFigureKind } from '../attack.js';

/**
 * An evaluation built without its kind (the shared client accounting), with the kind the
 * attack states for its figure (docs/attacks.md#kinds).
 * @internal
 */
export function withKind(kind: AttackFigureKind, evaluation: Omit<AttackEvaluation, 'kind'>): AttackEvaluation {
  return { ...evaluation, kind };
}
