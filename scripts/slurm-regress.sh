#!/usr/bin/env bash
# A Slurm job array that runs many co-simulation regressions, one seed per array task, and a final step
# that merges their coverage. Submit from the repository root of a shared checkout:
#
#   sbatch --array=0-99 scripts/slurm-regress.sh            # 100 seeds x 1 M checks
#   MTT_CHECKS=10000000 MTT_SEED_BASE=5000 sbatch --array=0-9 scripts/slurm-regress.sh
#
# then, when the array has finished (or as a dependent job: sbatch --dependency=afterany:<jobid> ...):
#
#   ./mtt merge target/reports/slurm/*/coverage.json --out target/reports/slurm/coverage.json
#
# Every task writes target/reports/slurm/seed-<S>/ (report.json, report.html, junit.xml, coverage.json and, on a
# mismatch, repro.tar.gz to replay anywhere with ./mtt replay). A task's exit code is mtt's: 0 pass,
# 1 mismatch, 2 bad input — so `sacct` shows failing seeds directly.
#
#SBATCH --job-name=mtt-regress
#SBATCH --cpus-per-task=1
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=target/reports/slurm/%x-%A_%a.log
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-$(dirname "$0")/..}"
config="${MTT_CONFIG:-walker-rv64}"
checks="${MTT_CHECKS:-1000000}"
base="${MTT_SEED_BASE:-1000}"
task="${SLURM_ARRAY_TASK_ID:?run this under sbatch --array (or set SLURM_ARRAY_TASK_ID)}"
seed=$((base + task))
out="target/reports/slurm/seed-$seed"
mkdir -p "$out"
# The Verilator build cache is content-hashed and lock-protected, so concurrent tasks on a shared file
# system build each configuration once; keep it on the shared checkout.
export MTTKIT_BUILD_CACHE="${MTTKIT_BUILD_CACHE:-$PWD/target/cosim-cache}"
exec ./mtt regress --config "$config" --checks "$checks" --seed "$seed" --report "$out"
