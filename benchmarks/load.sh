#!/usr/bin/env bash
# Load test of the web page: 50 connections posting a ~20 KB submission for 30 seconds, with wrk,
# against a release build on loopback. Prints wrk's figures; any non-2xx response or socket error
# is a failure (exit 1). Repeat with: bash benchmarks/load.sh [seconds] [connections]
# BROKEN=1 posts the same submission with four mistakes a person makes (a date with slashes, a
# misspelt field, money with a comma, an unknown category), so every part of the check runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-50}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
# QUALIFY_BIN names an already built release binary; otherwise one is built.
bin=${QUALIFY_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --static-swift-stdlib --product qualify >/dev/null
  bin=.build/release/qualify
fi
port=$((20000 + RANDOM % 20000))
"$bin" serve --port "$port" >/tmp/qualify-load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
# A realistic 20 KB submission: the national provider's example with longer case study texts.
body=$(mktemp --suffix=.json)
python3 - "$body" "${BROKEN:-0}" <<'PY'
import json, sys
doc = json.load(open("examples/valid/04-national-provider.json"))
for study in doc["caseStudies"]:
    words = study["narrative"].split()
    while len(json.dumps(doc)) < 20000 and len(words) < 900:
        words += study["narrative"].split()[:40]
        study["narrative"] = " ".join(words)
if sys.argv[2] == "1":
    study = doc["caseStudies"][0]
    study["startDate"] = "01/04/2021"
    study["outcomez"] = study.pop("outcomes")
    doc["serviceCategories"][0]["category"] = "accomodation"
    study["valueGBP"] = "120,000"
json.dump(doc, open(sys.argv[1], "w"), indent=2)
PY
script=$(mktemp --suffix=.lua)
cat >"$script" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local f = io.open("$body", "rb")
wrk.body = f:read("*a")
f:close()
LUA
echo "Posting $body ($(wc -c <"$body") bytes$([ "${BROKEN:-0}" = 1 ] && echo ", with mistakes")) with $connections connections for ${seconds}s to port $port"
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$script" "http://127.0.0.1:$port/check")
echo "$out"
rm -f "$script" "$body"
if echo "$out" | grep -Eq "Non-2xx|Socket errors"; then
  echo "FAILED: some requests got errors"
  exit 1
fi
echo "No errors."
