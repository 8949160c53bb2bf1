#!/usr/bin/env bash
# Prove one claim as a Slurm job array of K shards, then check the shards in a job that runs only
# if every shard succeeded (afterok). Prints the two job ids; with --wait, waits for the check
# and exits with its status.
#   examples/slurm/submit.sh CLAIMS_FILE CLAIM_ID OUT_DIR [SHARDS] [--wait]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 3 ] || { echo "usage: examples/slurm/submit.sh CLAIMS_FILE CLAIM_ID OUT_DIR [SHARDS] [--wait]" >&2; exit 2; }
CLAIMS=$(realpath "$1"); CLAIM=$2; OUT=$(realpath -m "$3"); SHARDS=${4:-4}; WAIT=${5:-}
mkdir -p "$OUT"
QSDL=$PWD/dist/qsdl.mjs
export QSDL CLAIMS CLAIM OUT
ARRAY=$(sbatch --parsable --array=1-"$SHARDS" --chdir="$OUT" --export=ALL examples/slurm/prove.sbatch)
CHECK=$(sbatch --parsable --dependency=afterok:"$ARRAY" --kill-on-invalid-dep=yes --chdir="$OUT" --export=ALL examples/slurm/check.sbatch)
echo "prove array $ARRAY ($SHARDS shards), check $CHECK"
if [ "$WAIT" = --wait ]; then
  while squeue -h -j "$ARRAY,$CHECK" 2>/dev/null | grep -q .; do sleep 1; done
  cat "$OUT/qsdl-check-$CHECK.out" 2>/dev/null || { echo "the check job left no output (a shard failed?)" >&2; exit 1; }
  grep -q '^every box confirmed' "$OUT/qsdl-check-$CHECK.out"
fi
