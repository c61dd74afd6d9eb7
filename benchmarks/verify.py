"""Checks a corpus against its manifest: every unbroken file must have nothing to fix, and every
broken file must have something to fix, by Qualify; xmllint (XML) and jsonschema-rs (JSON) are
asked the same question as independent referees.

usage: python3 verify.py MANIFEST QUALIFY_REPORT.json XMLLINT_STDERR JSON_SCHEMA
Exit status 1 when Qualify disagrees with the manifest about any file.
"""
import collections
import json
import os
import sys

import jsonschema_rs

manifest_path, report_path, xmllint_path, schema_path = sys.argv[1:5]
corpus = os.path.dirname(os.path.abspath(manifest_path))
with open(manifest_path, encoding="utf-8") as handle:
    manifest = json.load(handle)
with open(report_path, encoding="utf-8") as handle:
    report = json.load(handle)


def relative(path):
    parts = os.path.abspath(path).split(os.sep)
    return "/".join(parts[-2:])


triage = {relative(entry["file"]): entry for entry in report["files"]}
expected = {entry["file"]: entry for entry in manifest["files"]}

# Qualify: unbroken files are ready (or ready with a question for the reviewer); broken ones need fixes.
wrong = []
by_triage = collections.Counter()
by_kind = collections.defaultdict(collections.Counter)
finding_ids = collections.defaultdict(collections.Counter)
for name, entry in expected.items():
    result = triage.get(name)
    if result is None:
        wrong.append(f"{name}: not in Qualify's report")
        continue
    state = result["triage"]
    broken = entry["broken"]
    by_triage[(entry["form"], "broken" if broken else "unbroken", state)] += 1
    if broken:
        by_kind[broken["kind"]][state] += 1
        must = {f["id"] for f in result["findings"] if f["severity"] == "must-fix"}
        finding_ids[broken["kind"]].update(must)
        if state != "needs-fixes":
            wrong.append(f"{name}: broken ({broken['kind']} at {broken['path']}) but Qualify says {state}")
    elif state not in ("ready", "needs-review"):
        ids = sorted({f["id"] for f in result["findings"] if f["severity"] == "must-fix"})
        wrong.append(f"{name}: unbroken but Qualify says {state}: {', '.join(ids)}")

print(f"Corpus: {manifest['count']} files ({manifest['json']} JSON, {manifest['xml']} XML), seed {manifest['seed']}, "
      f"{manifest['broken']} broken: " + ", ".join(f"{k} {v}" for k, v in manifest["brokenByKind"].items()))
print("Qualify triage by form and manifest:")
for (form, state_of_file, state), count in sorted(by_triage.items()):
    print(f"  {form:4} {state_of_file:8} -> {state:12} {count}")
print("Qualify on broken files, by kind (must-fix finding ids seen):")
for kind in sorted(by_kind):
    states = ", ".join(f"{s} {n}" for s, n in sorted(by_kind[kind].items()))
    ids = ", ".join(f"{i} {n}" for i, n in finding_ids[kind].most_common(4))
    print(f"  {kind}: {states}; {ids}")

# xmllint on the XML half.
invalid_xml = set()
valid_xml = set()
with open(xmllint_path, encoding="utf-8", errors="replace") as handle:
    for line in handle:
        line = line.rstrip("\n")
        if line.endswith(" validates"):
            valid_xml.add(relative(line[: -len(" validates")]))
        elif line.endswith(" fails to validate"):
            invalid_xml.add(relative(line[: -len(" fails to validate")]))
xml_entries = [e for e in manifest["files"] if e["form"] == "xml"]
xml_agree = sum(1 for e in xml_entries if (e["file"] in invalid_xml) == bool(e["broken"]))
print(f"xmllint agrees with the manifest on {xml_agree} of {len(xml_entries)} XML files "
      f"({len(valid_xml)} valid, {len(invalid_xml)} invalid)")

# jsonschema-rs on the JSON half.
with open(schema_path, encoding="utf-8") as handle:
    validator = jsonschema_rs.validator_for(json.load(handle))
json_entries = [e for e in manifest["files"] if e["form"] == "json"]
json_agree = 0
for entry in json_entries:
    with open(os.path.join(corpus, entry["file"]), encoding="utf-8") as handle:
        invalid = not validator.is_valid(json.load(handle))
    json_agree += invalid == bool(entry["broken"])
print(f"jsonschema-rs agrees with the manifest on {json_agree} of {len(json_entries)} JSON files")

if wrong:
    print(f"Qualify disagrees with the manifest on {len(wrong)} files:")
    for line in wrong[:40]:
        print("  " + line)
    sys.exit(1)
print("Qualify agrees with the manifest on every file.")
