#!/usr/bin/env bash
# mttkit set-up: installs, from Debian packages, every native tool the project needs and is missing.
# Idempotent and fast when everything is present. Safe to run again at any time.
#
#   scripts/setup.sh            install what is missing
#   scripts/setup.sh --check    only report what is missing (exit 1 if anything is)
set -euo pipefail

# command -> Debian package that provides it
declare -A TOOL_PACKAGE=(
  [verilator]=verilator                                  # RTL lint + simulation (5.x)
  [riscv64-unknown-elf-gcc]=gcc-riscv64-unknown-elf      # test programs for the golden hart
  [riscv64-unknown-elf-objdump]=binutils-riscv64-unknown-elf
  [yosys]=yosys                                          # generic-synthesis figures in docs/
  [g++]=g++                                              # Verilator's C++ back end and the bridge
  [make]=make
)
MIN_VERILATOR_MAJOR=5

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 2; }

check_only=0
case "${1:-}" in
  --check) check_only=1 ;;
  ""|--install) ;;
  -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
  *) die "unknown option '$1' (use --check or no option)" ;;
esac

# Java and Maven are the two things we expect the machine to have.
command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)"
command -v mvn  >/dev/null 2>&1 || die "mvn not found: install Maven (Debian: apt-get install maven)"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ -n "$java_major" ] && [ "${java_major%%.*}" -lt 17 ] 2>/dev/null; then
  die "Java $java_major found, mttkit needs Java 17 or newer"
fi

missing_pkgs=()
for tool in "${!TOOL_PACKAGE[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing_pkgs+=("${TOOL_PACKAGE[$tool]}")
done

verilator_too_old() {
  command -v verilator >/dev/null 2>&1 || return 1
  local v; v=$(verilator --version 2>/dev/null | awk '{print $2}')
  [ "${v%%.*}" -lt "$MIN_VERILATOR_MAJOR" ] 2>/dev/null
}
if verilator_too_old; then
  say "verilator $(verilator --version | awk '{print $2}') is older than ${MIN_VERILATOR_MAJOR}.0; will upgrade it"
  missing_pkgs+=(verilator)
fi

if [ ${#missing_pkgs[@]} -eq 0 ]; then
  say "all tools present (verilator $(verilator --version | awk '{print $2}'), $(riscv64-unknown-elf-gcc -dumpversion | sed 's/^/riscv64-unknown-elf-gcc /'), yosys)"
  exit 0
fi

# de-duplicate, keep order stable
mapfile -t missing_pkgs < <(printf '%s\n' "${missing_pkgs[@]}" | sort -u)
if [ $check_only -eq 1 ]; then
  say "missing packages: ${missing_pkgs[*]}"
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    die "need root to install ${missing_pkgs[*]}: run 'sudo apt-get update && sudo apt-get install -y ${missing_pkgs[*]}' or run this script as root"
  fi
else
  SUDO=
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install these packages with your system's package manager: ${missing_pkgs[*]}"

say "installing ${missing_pkgs[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || die "apt-get update failed; check the package sources and the network, then re-run"
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/tmp/mttkit-setup-apt.log 2>&1; then
  tail -n 20 /tmp/mttkit-setup-apt.log >&2
  die "apt-get install ${missing_pkgs[*]} failed (log: /tmp/mttkit-setup-apt.log). A package may not exist in this Debian release; mttkit needs Debian 12 (bookworm) or newer."
fi

for tool in "${!TOOL_PACKAGE[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is still missing after installing ${TOOL_PACKAGE[$tool]}"
done
if verilator_too_old; then
  die "verilator $(verilator --version | awk '{print $2}') is too old (need ${MIN_VERILATOR_MAJOR}.x); this Debian release does not package a new enough one"
fi
say "done: verilator $(verilator --version | awk '{print $2}'), riscv64-unknown-elf-gcc $(riscv64-unknown-elf-gcc -dumpversion), $(yosys -V | awk '{print $1, $2}')"
