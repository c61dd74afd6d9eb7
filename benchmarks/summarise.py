"""Turns benchmarks/results/raw.tsv and the hyperfine files into tables of medians, ratios and
targets, in Markdown.

usage: python3 summarise.py RESULTS_FOLDER
"""
import csv
import json
import os
import re
import statistics
import sys

results = sys.argv[1]
with open(os.path.join(results, "machine.txt"), encoding="utf-8") as handle:
    count = int(re.search(r"count=(\d+)", handle.read()).group(1))
half = {"xml": count // 2, "json": (count + 1) // 2, "all": count}

runs = {}
with open(os.path.join(results, "raw.tsv"), encoding="utf-8") as handle:
    for row in csv.DictReader(handle, delimiter="\t"):
        runs.setdefault(row["name"], []).append(row)


def median(name, field):
    return statistics.median(float(r[field]) for r in runs[name])


def mb(kib):
    return kib * 1024 / 1e6


def wall(name):
    return median(name, "wall_s")


def cpu(name):
    return statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in runs[name])


def peak(name):
    return mb(median(name, "peak_kb"))


def peak_max(name):
    return mb(max(float(r["peak_kb"]) for r in runs[name]))


batch = [
    ("qualify-xml-summary", "Qualify, XML half, `--summary-only`", "xml"),
    ("qualify-xml-report", "Qualify, XML half, JSON report written", "xml"),
    ("qualify-xml-report-1job", "Qualify, XML half, JSON report written, one core (`--jobs 1`)", "xml"),
    ("xmllint-xml", "xmllint --schema (XSD only)", "xml"),
    ("lxml-xml", "lxml XMLSchema (XSD only)", "xml"),
    ("qualify-json-summary", "Qualify, JSON half, `--summary-only`", "json"),
    ("qualify-json-report", "Qualify, JSON half, JSON report written", "json"),
    ("qualify-json-report-1job", "Qualify, JSON half, JSON report written, one core (`--jobs 1`)", "json"),
    ("jsonschemars-json", "jsonschema-rs (schema only)", "json"),
    ("pyjsonschema-json", "python-jsonschema (schema only)", "json"),
    ("qualify-all-summary", "Qualify, all files, `--summary-only`", "all"),
    ("qualify-all-report", "Qualify, all files, JSON report written", "all"),
    ("qualify-single-xml", "Qualify, one small XML file", None),
    ("qualify-single-json", "Qualify, one small JSON file", None),
]
some = next(iter(runs.values()))
print(f"Medians of {len(some)} runs each. Wall and peak memory from GNU time (`%e %M`); CPU is user + system time.\n")
print("| What | Files | Wall (s) | Files per second | CPU (s) | Peak memory (MB) |")
print("|---|---:|---:|---:|---:|---:|")
for name, label, part in batch:
    if name not in runs:
        continue
    files = half[part] if part else 1
    rate = f"{files / wall(name):,.0f}" if part and wall(name) > 0 else "–"
    print(f"| {label} | {files:,} | {wall(name):.2f} | {rate} | {cpu(name):.2f} | {peak(name):.1f} |")

singles = {}
for name in ("qualify-xml", "qualify-json", "xmllint-xml"):
    path = os.path.join(results, f"single-{name}.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            result = json.load(handle)["results"][0]
        singles[name] = result
print("\nOne small file from a cold start (hyperfine, 5 warm-up runs, 50 runs, no shell):\n")
print("| Command | Median (ms) | Mean ± σ (ms) | Min (ms) |")
print("|---|---:|---:|---:|")
labels = {"qualify-xml": "qualify check 01-small-charity-alone.xml", "qualify-json": "qualify check 01-small-charity-alone.json",
          "xmllint-xml": "xmllint --noout --schema … 01-small-charity-alone.xml"}
for name, result in singles.items():
    print(f"| {labels[name]} | {result['median'] * 1000:.1f} | {result['mean'] * 1000:.1f} ± {result['stddev'] * 1000:.1f} "
          f"| {result['min'] * 1000:.1f} |")


def ratio(a, b, by=wall):
    return by(a) / by(b)


print("\nSide by side (above 1 means Qualify is faster):\n")
print("| Comparison | Wall ratio | CPU ratio |")
print("|---|---:|---:|")
pairs = [
    ("xmllint / Qualify XML with report", "xmllint-xml", "qualify-xml-report"),
    ("xmllint / Qualify XML summary", "xmllint-xml", "qualify-xml-summary"),
    ("xmllint / Qualify XML with report, one core each", "xmllint-xml", "qualify-xml-report-1job"),
    ("lxml / Qualify XML with report", "lxml-xml", "qualify-xml-report"),
    ("jsonschema-rs / Qualify JSON with report", "jsonschemars-json", "qualify-json-report"),
    ("jsonschema-rs / Qualify JSON summary", "jsonschemars-json", "qualify-json-summary"),
    ("jsonschema-rs / Qualify JSON with report, one core each", "jsonschemars-json", "qualify-json-report-1job"),
    ("python-jsonschema / Qualify JSON with report", "pyjsonschema-json", "qualify-json-report"),
    ("python-jsonschema / Qualify JSON summary", "pyjsonschema-json", "qualify-json-summary"),
]
for label, a, b in pairs:
    if a in runs and b in runs:
        print(f"| {label} | {ratio(a, b):.2f} | {ratio(a, b, cpu):.2f} |")

print("\nTargets:\n")
print("| Target | Measured | Met |")
print("|---|---|---|")


def row(target, measured, met):
    print(f"| {target} | {measured} | {'yes' if met else 'no'} |")


if "xmllint-xml" in runs and "qualify-xml-report" in runs:
    q, x = wall("qualify-xml-report"), wall("xmllint-xml")
    row("XML batch no slower than xmllint, with every rule and the report",
        f"Qualify {q:.2f} s, xmllint {x:.2f} s", q <= x)
if "jsonschemars-json" in runs and "qualify-json-report" in runs:
    q, r = wall("qualify-json-report"), wall("jsonschemars-json")
    row("JSON batch no slower than jsonschema-rs", f"Qualify {q:.2f} s (report written), jsonschema-rs {r:.2f} s", q <= r)
if "pyjsonschema-json" in runs and "qualify-json-report" in runs:
    times = wall("pyjsonschema-json") / wall("qualify-json-report")
    row("At least 20 times faster than python-jsonschema", f"{times:.1f} times (JSON half, report written)", times >= 20)
if "qualify-xml" in singles:
    ms = singles["qualify-xml"]["median"] * 1000
    row("A single small file under 30 ms", f"{ms:.1f} ms (XML)", ms < 30)
if "qualify-all-report" in runs:
    worst = max(peak_max("qualify-all-report"), peak_max("qualify-all-summary"))
    row(f"A {count:,}-file batch under 150 MB peak memory", f"{worst:.1f} MB (highest of all runs)", worst < 150)
