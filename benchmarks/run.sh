#!/usr/bin/env bash
# Measures Qualify's speed and memory against xmllint, lxml, python-jsonschema and jsonschema-rs
# on a generated corpus, then profiles Qualify with callgrind. Results go to benchmarks/results/.
#
#   bash benchmarks/run.sh
#
# Settings (environment):
#   COUNT=10000      files in the corpus, half XML and half JSON
#   SEED=1           corpus seed; the same seed gives the same files
#   RUNS=5           timed runs of each command (medians are reported)
#   CORPUS=/tmp/qualify-corpus
#   RESULTS=benchmarks/results
#   MAX_LOAD=1.0     before each timed run, wait until the 1-minute load average is below this
#   BENCH_LOCK=      a file to create while measuring (and remove after), for machines shared
#                    with jobs that pause while it exists
#   PROFILE=1        also run benchmarks/profile.sh (callgrind over 200 files)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

COUNT=${COUNT:-10000}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
CORPUS=${CORPUS:-/tmp/qualify-corpus}
RESULTS=${RESULTS:-benchmarks/results}
MAX_LOAD=${MAX_LOAD:-1.0}
BENCH_LOCK=${BENCH_LOCK:-}
PROFILE=${PROFILE:-1}
XSD=$ROOT/schemas/qualification-1.0.xsd
JSON_SCHEMA=$ROOT/schemas/qualification-1.0.schema.json
QUALIFY=$ROOT/.build/release/qualify

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- What the measurements need (Debian packages and PyPI only) ---------------------------
need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ -x /usr/bin/time ] || need+=(time)
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev pkg-config)
if [ "${#need[@]}" -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
python3 -c 'import lxml, jsonschema_rs, jsonschema' >/dev/null 2>&1 \
  || python3 -m pip install --quiet lxml jsonschema-rs jsonschema

# --- Build and corpus -----------------------------------------------------------------------
# Swift's own libraries linked in: a program that loads Foundation as a shared library spends
# about 11 ms more starting, which is a third of checking one small file.
swift build -c release --static-swift-stdlib
mkdir -p "$RESULTS"
rm -f "$RESULTS"/raw.tsv "$RESULTS"/single-*.json
.build/release/corpus --count "$COUNT" --out "$CORPUS" --seed "$SEED"
du -sh "$CORPUS/xml" "$CORPUS/json" | tee "$RESULTS/corpus-size.txt"

# --- The machine ----------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:"; free -h
  echo "kernel: $(uname -r)"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "xmllint: $(xmllint --version 2>&1 | head -1)"
  echo "python: $(python3 --version 2>&1)"
  python3 - <<'EOF'
import importlib.metadata as m
from lxml import etree
print("lxml:", m.version("lxml"), "(libxml2", ".".join(map(str, etree.LIBXML_VERSION)) + ")")
print("jsonschema:", m.version("jsonschema"))
print("jsonschema-rs:", m.version("jsonschema-rs"))
EOF
  echo "hyperfine: $(hyperfine --version)"
  echo "valgrind: $(valgrind --version)"
  echo "corpus: count=$COUNT seed=$SEED folder=$CORPUS"
} > "$RESULTS/machine.txt"
cat "$RESULTS/machine.txt"

# --- Check the corpus: Qualify and the reference tools against the manifest (not timed) ----
"$QUALIFY" check "$CORPUS/xml" "$CORPUS/json" --format json -o "$RESULTS/verify-report.json" || true
mapfile -t xml_files < <(find "$CORPUS/xml" -name '*.xml' | sort)
xmllint --noout --schema "$XSD" "${xml_files[@]}" 2> "$RESULTS/verify-xmllint.txt" || true
python3 benchmarks/verify.py "$CORPUS/manifest.json" "$RESULTS/verify-report.json" "$RESULTS/verify-xmllint.txt" \
  "$JSON_SCHEMA" | tee "$RESULTS/verify.txt"
rm -f "$RESULTS/verify-report.json" "$RESULTS/verify-xmllint.txt"

# --- Timed runs -------------------------------------------------------------------------------
cleanup() { [ -n "$BENCH_LOCK" ] && rm -f "$BENCH_LOCK"; rm -rf "${scratch:-}"; }
trap cleanup EXIT
scratch=$(mktemp -d)
[ -n "$BENCH_LOCK" ] && touch "$BENCH_LOCK"

wait_quiet() {
  while ! awk -v max="$MAX_LOAD" '{ exit !($1 < max) }' /proc/loadavg; do sleep 5; done
}

# xmllint takes the files as arguments; when the list is too long for one command line, xargs
# splits it over several xmllint processes (the wall time then covers all of them).
arg_bytes=$(printf '%s\n' "${xml_files[@]}" | wc -c)
arg_max=$(getconf ARG_MAX)
if [ "$arg_bytes" -lt $((arg_max / 2)) ]; then
  xmllint_cmd=(xmllint --noout --schema "$XSD" "${xml_files[@]}")
  echo "xmllint: all ${#xml_files[@]} files on one command line ($arg_bytes of $arg_max bytes)" | tee "$RESULTS/xmllint-invocation.txt"
else
  printf '%s\0' "${xml_files[@]}" > "$scratch/xml-list"
  xmllint_cmd=(xargs -0 -a "$scratch/xml-list" xmllint --noout --schema "$XSD")
  echo "xmllint: files passed through xargs ($arg_bytes bytes is too long for one command line of $arg_max)" | tee "$RESULTS/xmllint-invocation.txt"
fi

declare -A commands
order=(
  qualify-xml-summary qualify-json-summary qualify-all-summary
  qualify-xml-report qualify-json-report qualify-all-report
  qualify-xml-report-1job qualify-json-report-1job
  xmllint-xml lxml-xml pyjsonschema-json jsonschemars-json
  qualify-single-xml qualify-single-json
)
commands[qualify-xml-summary]="$QUALIFY check $CORPUS/xml --summary-only"
commands[qualify-json-summary]="$QUALIFY check $CORPUS/json --summary-only"
commands[qualify-all-summary]="$QUALIFY check $CORPUS/xml $CORPUS/json --summary-only"
commands[qualify-xml-report]="$QUALIFY check $CORPUS/xml --format json -o $scratch/out.json"
commands[qualify-json-report]="$QUALIFY check $CORPUS/json --format json -o $scratch/out.json"
commands[qualify-all-report]="$QUALIFY check $CORPUS/xml $CORPUS/json --format json -o $scratch/out.json"
# The same on one core, as the reference tools run: a like-for-like comparison per core.
commands[qualify-xml-report-1job]="$QUALIFY check $CORPUS/xml --jobs 1 --format json -o $scratch/out.json"
commands[qualify-json-report-1job]="$QUALIFY check $CORPUS/json --jobs 1 --format json -o $scratch/out.json"
commands[lxml-xml]="python3 benchmarks/lxml_check.py $XSD $CORPUS/xml"
commands[pyjsonschema-json]="python3 benchmarks/pyjsonschema_check.py $JSON_SCHEMA $CORPUS/json"
commands[jsonschemars-json]="python3 benchmarks/jsonschemars_check.py $JSON_SCHEMA $CORPUS/json"
commands[qualify-single-xml]="$QUALIFY check examples/valid/01-small-charity-alone.xml"
commands[qualify-single-json]="$QUALIFY check examples/valid/01-small-charity-alone.json"

printf 'name\trun\twall_s\tpeak_kb\tuser_s\tsys_s\tload_before\n' > "$RESULTS/raw.tsv"
for run in $(seq 1 "$RUNS"); do
  for name in "${order[@]}"; do
    if [ "$name" = xmllint-xml ]; then cmd=("${xmllint_cmd[@]}"); else read -r -a cmd <<< "${commands[$name]}"; fi
    wait_quiet
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %M %U %S" -o "$scratch/time" "${cmd[@]}" > /dev/null 2> "$scratch/stderr" || true
    read -r wall peak user sys < <(tail -n 1 "$scratch/time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$run" "$wall" "$peak" "$user" "$sys" "$load" | tee -a "$RESULTS/raw.tsv"
  done
done

# A single small file from a cold start: hyperfine, with warm-up runs, many runs, no shell.
single() {
  local name=$1; shift
  wait_quiet
  hyperfine -N -i --warmup 5 --runs 50 --export-json "$RESULTS/single-$name.json" "$*"
}
single qualify-xml "$QUALIFY check examples/valid/01-small-charity-alone.xml"
single qualify-json "$QUALIFY check examples/valid/01-small-charity-alone.json"
single xmllint-xml "xmllint --noout --schema $XSD examples/valid/01-small-charity-alone.xml"

cleanup
trap - EXIT

python3 benchmarks/summarise.py "$RESULTS" | tee "$RESULTS/summary.md"

if [ "$PROFILE" != 0 ]; then
  CORPUS=$CORPUS RESULTS=$RESULTS bash benchmarks/profile.sh
fi
