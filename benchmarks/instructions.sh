#!/usr/bin/env bash
# Instructions, not seconds: valgrind counts every instruction a check runs, and the count is
# the same on a busy machine as on a quiet one, so two builds can be compared when wall times
# are too noisy to tell them apart. One job, so that threads do not change the count.
# usage: bash benchmarks/instructions.sh CORPUS_DIR QUALIFY...   (needs valgrind)
# It checks the first 300 files of each form in CORPUS_DIR (from `corpus --count 10000 --seed 7`)
# and one small example of each form, and prints millions of instructions for each binary.
# valgrind cannot read the debugging information of a --static-swift-stdlib build, so each
# binary is measured through a stripped copy.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for form in xml json; do
  mkdir -p "$work/sub/$form"
  mapfile -t files < <(find "$corpus/$form" -name "*.$form" | sort)
  cp "${files[@]:0:300}" "$work/sub/$form/"
done
count() { # binary, arguments...
  local binary=$1; shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$@" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | awk '{printf "%.1f", $1 / 1e6}'
}
printf '| Binary | 300 XML files | 300 JSON files | one small XML file | one small JSON file |\n|---|---:|---:|---:|---:|\n'
for qualify in "$@"; do
  strip -o "$work/qualify" "$qualify"
  printf '| %s | %s M | %s M | %s M | %s M |\n' "$qualify" \
    "$(count "$work/qualify" check "$work/sub/xml" --summary-only --jobs 1)" \
    "$(count "$work/qualify" check "$work/sub/json" --summary-only --jobs 1)" \
    "$(count "$work/qualify" check examples/valid/01-small-charity-alone.xml)" \
    "$(count "$work/qualify" check examples/valid/01-small-charity-alone.json)"
done
