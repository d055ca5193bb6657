#!/usr/bin/env bash
# The whole default test suite (what CI runs). Longer regressions live behind `mtt regress --long`.
# -T 2: golden-model depends on no other module, so its tests run beside sim-bridge's and hdl-gen's (about a minute
# less on 2 cores); every module keeps its own build cache and report folders, so the two never share a file.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -T 2 verify "$@"
