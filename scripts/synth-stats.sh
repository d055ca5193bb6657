#!/usr/bin/env bash
# Generic-synthesis figures (yosys): cell count, flip-flops and logic depth per shipped configuration.
#   scripts/synth-stats.sh [CONFIG[:key=value,...] ...]   default: the shipped configurations (hart-side and I/O) and
#                                                         the cache-less walkers and I/O checker
# Prints one Markdown table row per configuration; docs/synthesis.md records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v yosys >/dev/null 2>&1 || { echo "synth-stats: yosys not found: run scripts/setup.sh" >&2; exit 2; }
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(checker-rv64:formats=smmpt-v0.9 checker-rv64:formats=smmtt-v0.1 checker-rv32:formats=smmpt-v0.9 \
  checker-rv32:formats=smmtt-v0.1 checker-rv64 walker-rv64 walker-rv32 io-rv64-smmpt io-checker-rv64)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| configuration | cells | flip-flops | logic depth (generic gates) |"
echo "|---|---|---|---|"
for c in "${configs[@]}"; do
  name=${c%%:*}
  sets=()
  if [[ "$c" == *:* ]]; then
    IFS=, read -ra kv <<< "${c#*:}"
    for x in "${kv[@]}"; do sets+=(--set "$x"); done
  fi
  out="$work/${c//[:=,]/_}"
  ./mtt gen --config "$name" "${sets[@]}" --out "$out" >/dev/null
  manifest="$out/checker.json"                    # a hart-side checker's; any other configuration has manifest.json
  [ -f "$manifest" ] || manifest="$out/manifest.json"
  top=$(sed -n 's/^ *"top": "\(.*\)",$/\1/p' "$manifest")
  yosys -q -p "read_verilog $out/*.v; synth -top $top -flatten; tee -q -o $out/stat.txt stat; tee -q -o $out/ltp.txt ltp -noff" >/dev/null
  cells=$(awk '/Number of cells/ {n=$4} END {print n}' "$out/stat.txt")
  ffs=$(awk '/\$_S?DFF/ {s+=$2} END {print s+0}' "$out/stat.txt")
  depth=$(sed -n 's/.*(length=\([0-9]*\)).*/\1/p' "$out/ltp.txt" | head -1)
  echo "| $c | $cells | $ffs | $depth |"
done
