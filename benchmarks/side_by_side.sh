#!/usr/bin/env bash
# Issue 13's comparison in one run: Qualify (every rule, --summary-only) against xmllint and
# jsonschema-rs (schema only) on the same files, the commands taking turns, medians of RUNS
# runs under /usr/bin/time; python-jsonschema once; peak memory for all the files with the
# JSON report; one small file from a cold start with hyperfine.
# usage: QUALIFY=path/to/qualify bash benchmarks/side_by_side.sh CORPUS_DIR [RUNS]
# The corpus comes from `corpus --count 10000 --seed 7 --out CORPUS_DIR`. Needs python3 with
# jsonschema and jsonschema-rs (`source .ci/python-deps; python3 -m pip install jsonschema-rs`).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/setting.sh
runs=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

timed() { # name, command...: prints name, wall seconds, user+sys seconds, peak MB
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/t" "$@" >/dev/null 2>&1 || true
  read -r wall user sys peak < <(tail -1 "$out/t")
  printf '%s\t%s\t%.2f\t%.1f\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$peak / 1024" | bc -l)"
}

for run in $(seq 1 "$runs"); do
  timed "qualify-xml" "$qualify" check "$corpus/xml" --summary-only
  timed "xmllint" xmllint --noout --schema "$xsd" "${xml_files[@]}"
  timed "qualify-json" "$qualify" check "$corpus/json" --summary-only
  timed "jsonschema-rs" python3 benchmarks/jsonschemars_check.py "$schema" "$corpus/json"
done | tee "$out/raw.tsv" >&2
timed "qualify-all-report" "$qualify" check "$corpus/xml" "$corpus/json" --format json -o "$out/report.json" | tee -a "$out/raw.tsv" >&2
timed "python-jsonschema" python3 benchmarks/pyjsonschema_check.py "$schema" "$corpus/json" | tee -a "$out/raw.tsv" >&2

python3 - "$out/raw.tsv" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, peak = line.split("\t")
    rows.setdefault(name, []).append((float(wall), float(cpu), float(peak)))
med = {n: tuple(statistics.median(v[i] for v in r) for i in range(3)) for n, r in rows.items()}
print("| Command | Runs | Wall (s) | CPU (s) | Peak memory (MB) |\n|---|---:|---:|---:|---:|")
for n, (w, c, p) in med.items():
    print(f"| {n} | {len(rows[n])} | {w:.2f} | {c:.2f} | {p:.1f} |")
print()
print(f"XML: Qualify / xmllint, wall {med['qualify-xml'][0] / med['xmllint'][0]:.2f} (target 1.0 or less)")
print(f"JSON: Qualify / jsonschema-rs, wall {med['qualify-json'][0] / med['jsonschema-rs'][0]:.2f} (target 1.0 or less)")
print(f"JSON: python-jsonschema / Qualify, wall {med['python-jsonschema'][0] / med['qualify-json'][0]:.1f} times (target 20 or more)")
PY
hyperfine -N -w 5 -r 50 --export-json "$out/cold.json" \
  "$qualify check examples/valid/01-small-charity-alone.xml" \
  "$qualify check examples/valid/01-small-charity-alone.json" \
  "xmllint --noout --schema $xsd examples/valid/01-small-charity-alone.xml" >/dev/null
python3 -c "
import json, sys
for r in json.load(open(sys.argv[1]))['results']:
    print(f\"cold start, median {r['median']*1000:.1f} ms: {r['command']}\")" "$out/cold.json"
