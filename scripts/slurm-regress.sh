#!/usr/bin/env bash
# One co-simulation regression split over a Slurm job array (mtt regress --shard K/N, one shard per array task),
# and a dependent job that merges the shard reports into the report of the whole run (mtt merge). The N shards of a
# seed run exactly the checks of the unsharded run: the merged totals, causes, cache counters and coverage are what
# `./mtt regress --seed S --checks C` reports on one machine (docs/scale-out.md). Submit from the repository root
# of a shared checkout:
#
#   jid=$(sbatch --parsable --array=0-31 scripts/slurm-regress.sh)              # 10 M checks of seed 1, 32 shards
#   sbatch --dependency=afterany:$jid scripts/slurm-regress.sh merge
#
#   MTT_SEED=7 MTT_CHECKS=100000000 MTT_CONFIG=rv64-smmtt sbatch --parsable --array=0-99 --cpus-per-task=2 \
#       scripts/slurm-regress.sh                                                 # 100 shards, 2 threads each
#
# N is the array's task count (SLURM_ARRAY_TASK_COUNT; set MTT_SHARDS to override, e.g. for --array=0-99%10).
# Task K writes target/reports/slurm/seed-<S>/shard-<K>/ (report.json, report.html, junit.xml, coverage.json and,
# on a mismatch, repro.tar.gz to replay anywhere with ./mtt replay). A task's exit code is mtt's: 0 pass,
# 1 mismatch, 2 bad input — so `sacct` shows failing shards directly. The merge job writes
# target/reports/slurm/seed-<S>/merged/ and fails when a shard's report is missing (a task that never ran or
# crashed); MTT_ALLOW_MISSING=1 merges what is there.
#
#SBATCH --job-name=mtt-regress
#SBATCH --cpus-per-task=1
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=target/reports/slurm/%x-%A_%a.log
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-$(dirname "$0")/..}"
config="${MTT_CONFIG:-rv64-smmpt}"
checks="${MTT_CHECKS:-10000000}"
seed="${MTT_SEED:-1}"
base="target/reports/slurm/seed-$seed"
# The Verilator build cache is content-hashed and lock-protected, so concurrent tasks on a shared file
# system build each configuration once; keep it on the shared checkout.
export MTTKIT_BUILD_CACHE="${MTTKIT_BUILD_CACHE:-$PWD/target/cosim-cache}"

if [ "${1:-}" = "merge" ]; then
  shopt -s nullglob
  shards=("$base"/shard-*)
  if [ ${#shards[@]} -eq 0 ]; then
    echo "slurm-regress: no shard reports under $base (did the array run with MTT_SEED=$seed?)" >&2
    exit 2
  fi
  extra=()
  [ "${MTT_ALLOW_MISSING:-0}" = "1" ] && extra+=(--allow-missing)
  exec ./mtt merge "${shards[@]}" --out "$base/merged" "${extra[@]}"
fi

task="${SLURM_ARRAY_TASK_ID:?run this under sbatch --array (or set SLURM_ARRAY_TASK_ID and MTT_SHARDS)}"
shards="${MTT_SHARDS:-${SLURM_ARRAY_TASK_COUNT:?set MTT_SHARDS (the number of shards) outside a Slurm array}}"
if [ "$task" -ge "$shards" ]; then
  echo "slurm-regress: array task $task but only $shards shards: number the array 0..$((shards - 1))" >&2
  exit 2
fi
out="$base/shard-$task"
mkdir -p "$out"
exec ./mtt regress --config "$config" --checks "$checks" --seed "$seed" \
  --shard "$task/$shards" --jobs "${SLURM_CPUS_PER_TASK:-1}" --report "$out"
