import type { ShardSpec } from '../../claims/certificate.js';
import { UsageError } from './errors.js';

/** Most shards a proof may be split into. */
const MAX_SHARDS = 4096;

function spec(i: number, k: number, from: string): ShardSpec {
  if (!(Number.isInteger(k) && k >= 1 && k <= MAX_SHARDS)) throw new UsageError(`${from}: the shard count must be an integer in [1, ${MAX_SHARDS}]; received ${k}`);
  if (!(Number.isInteger(i) && i >= 1 && i <= k)) throw new UsageError(`${from}: the shard index must be an integer in [1, ${k}]; received ${i}`);
  return { index: i, count: k };
}

const int = (s: string | undefined) => (s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : Number.NaN);

/**
 * Which shard to prove (docs/claims.md#shards): `--shard i/k` (1-based), else Slurm's job
 * array (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT), else a
 * Kubernetes Indexed Job (JOB_COMPLETION_INDEX + 1 of QSDL_SHARDS), else the whole region.
 * @internal
 */
export function shardFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): ShardSpec {
  if (flag !== undefined) {
    const m = /^(\d{1,9})\/(\d{1,9})$/.exec(flag);
    if (m === null) throw new UsageError(`--shard must be i/k, e.g. 2/4 (shard 2 of 4, counting from 1); received ${JSON.stringify(flag.slice(0, 40))}`);
    return spec(Number(m[1]), Number(m[2]), '--shard');
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = int(env.SLURM_ARRAY_TASK_ID);
    const min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : int(env.SLURM_ARRAY_TASK_MIN);
    const count = int(env.SLURM_ARRAY_TASK_COUNT);
    if ([id, min, count].some(Number.isNaN)) throw new UsageError(`SLURM_ARRAY_TASK_ID, _MIN and _COUNT must be integers; received ${JSON.stringify([env.SLURM_ARRAY_TASK_ID, env.SLURM_ARRAY_TASK_MIN, env.SLURM_ARRAY_TASK_COUNT])}`);
    return spec(id - min + 1, count, 'Slurm array (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT)');
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const idx = int(env.JOB_COMPLETION_INDEX);
    const count = int(env.QSDL_SHARDS);
    if (Number.isNaN(idx) || Number.isNaN(count)) throw new UsageError(`a Kubernetes Indexed Job needs JOB_COMPLETION_INDEX and QSDL_SHARDS (the job's completions) as integers; received ${JSON.stringify([env.JOB_COMPLETION_INDEX, env.QSDL_SHARDS])}`);
    return spec(idx + 1, count, 'Kubernetes Indexed Job (JOB_COMPLETION_INDEX + 1 of QSDL_SHARDS)');
  }
  return { index: 1, count: 1 };
}
