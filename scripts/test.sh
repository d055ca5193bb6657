#!/usr/bin/env bash
# The whole default test suite (what CI runs). Longer regressions live behind `mtt regress --long`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B verify "$@"
