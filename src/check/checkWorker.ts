/**
 * Worker thread of the certificate checker: evaluates a batch of boxes and posts the
 * enclosures back (docs/claims.md#checking). Started by {@link checkCertificates}.
 * @internal
 */
import { parentPort } from 'node:worker_threads';
import { evaluateSafely, type EvalTask } from './_internal/evaluate.js';

parentPort?.on('message', (tasks: EvalTask[]) => {
  try {
    parentPort!.postMessage({ ok: true, results: tasks.map(evaluateSafely) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
