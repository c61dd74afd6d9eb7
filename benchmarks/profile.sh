#!/usr/bin/env bash
# Profiles `qualify check` over 200 corpus files (100 XML, 100 JSON) with valgrind's callgrind,
# and lists the functions that execute the most instructions, by themselves and with what they call.
#
#   bash benchmarks/profile.sh        (after benchmarks/run.sh has built Qualify and the corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-/tmp/qualify-corpus}
RESULTS=${RESULTS:-benchmarks/results}
FILES=${FILES:-100}
mkdir -p "$RESULTS"

sample=$(mktemp -d)
trap 'rm -rf "$sample"' EXIT
mkdir -p "$sample/xml" "$sample/json"
# (Read whole lists: `head` closing a pipe early fails the script under pipefail.)
mapfile -t xml_files < <(find "$CORPUS/xml" -name '*.xml' | sort)
mapfile -t json_files < <(find "$CORPUS/json" -name '*.json' | sort)
cp "${xml_files[@]:0:FILES}" "$sample/xml/"
cp "${json_files[@]:0:FILES}" "$sample/json/"

# Valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug information Swift 6 writes, so a
# copy without debug information is profiled; its symbol table still names every function.
strip --strip-debug -o "$sample/qualify" .build/release/qualify

out=$RESULTS/callgrind.out
valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$sample/qualify" check "$sample/xml" "$sample/json" --summary-only > /dev/null 2> "$RESULTS/callgrind.log" || true

demangle() { if command -v swift-demangle > /dev/null; then swift-demangle --simplified; else swift demangle --simplified; fi; }
callgrind_annotate --inclusive=no "$out" > "$sample/exclusive.txt" 2> /dev/null
callgrind_annotate --inclusive=yes "$out" > "$sample/inclusive.txt" 2> /dev/null
{
  echo "# callgrind: qualify check over $FILES XML and $FILES JSON corpus files (--summary-only)"
  echo
  echo "## By own instructions (exclusive)"
  head -n 70 "$sample/exclusive.txt" | demangle
  echo
  echo "## With what they call (inclusive)"
  head -n 120 "$sample/inclusive.txt" | demangle
} > "$RESULTS/profile.txt"
echo "Profile written to $RESULTS/profile.txt; $out holds the full callgrind data (callgrind_annotate reads it)."
