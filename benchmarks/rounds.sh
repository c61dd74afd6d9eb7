#!/usr/bin/env bash
# Rounds of the four batch commands of side_by_side.sh taking turns, with the ratio within each
# round: on a machine whose speed drifts, a ratio inside one round is steadier than a median of
# each command over the whole run.
# usage: QUALIFY=path/to/qualify bash benchmarks/rounds.sh CORPUS_DIR [ROUNDS]
# Needs python3 with jsonschema-rs (`source .ci/python-deps; python3 -m pip install jsonschema-rs`).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/setting.sh
rounds=${2:-7}
wall() { /usr/bin/time -f "%e" -o /dev/stdout "$@" 2>/dev/null | tail -1; }
# One untimed run of each first, so that no round pays for reading the program and the files
# from disk (the first round after a build was up to half as slow again).
"$qualify" check "$corpus/xml" --summary-only >/dev/null 2>&1 || true
xmllint --noout --schema "$xsd" "${xml_files[@]}" >/dev/null 2>&1 || true
"$qualify" check "$corpus/json" --summary-only >/dev/null 2>&1 || true
python3 benchmarks/jsonschemars_check.py "$schema" "$corpus/json" >/dev/null 2>&1 || true
for round in $(seq 1 "$rounds"); do
  a=$(wall "$qualify" check "$corpus/xml" --summary-only || true)
  b=$(wall xmllint --noout --schema "$xsd" "${xml_files[@]}" || true)
  c=$(wall "$qualify" check "$corpus/json" --summary-only || true)
  d=$(wall python3 benchmarks/jsonschemars_check.py "$schema" "$corpus/json" || true)
  echo "$a $b $c $d"
done | python3 -c '
import statistics, sys
rows = [list(map(float, line.split()[-4:])) for line in sys.stdin if line.strip()]
xml = sorted(round(r[0] / r[1], 2) for r in rows)
json = sorted(round(r[2] / r[3], 2) for r in rows)
print("Qualify XML s:", [r[0] for r in rows], " xmllint s:", [r[1] for r in rows])
print("Qualify JSON s:", [r[2] for r in rows], " jsonschema-rs s:", [r[3] for r in rows])
print("XML ratios:", xml, "median", round(statistics.median(xml), 2))
print("JSON ratios:", json, "median", round(statistics.median(json), 2))'
