#!/usr/bin/env bash
# Makes the seed corpora in fuzz/seeds/<target>/ from examples/ and schemas/, and the form
# dictionaries, so that no large input is committed twice. Safe to run again: it starts afresh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seeds="$root/fuzz/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{FuzzJSONReader,FuzzJSONSchema,FuzzXML,FuzzChecker}

for file in "$root"/examples/valid/*.json "$root"/examples/invalid/*.json; do
  name="$(basename "$(dirname "$file")")-$(basename "$file")"
  cp "$file" "$seeds/FuzzJSONReader/$name"
  cp "$file" "$seeds/FuzzJSONSchema/$name"
  cp "$file" "$seeds/FuzzChecker/$name"
done
for file in "$root"/examples/valid/*.xml "$root"/examples/invalid/*.xml; do
  name="$(basename "$(dirname "$file")")-$(basename "$file")"
  cp "$file" "$seeds/FuzzXML/$name"
  cp "$file" "$seeds/FuzzChecker/$name"
done
# The report schema is a real schema of a useful size; the form's own schema is bigger than the
# length limit, so only the small one goes in whole.
cp "$root/schemas/report-1.0.schema.json" "$seeds/FuzzJSONSchema/report-1.0.schema.json"

# Small schemas that reach the engine's keywords quickly (each a line: name, then the schema).
while IFS=$'\t' read -r name schema; do
  [ -n "$name" ] && printf '%s\n' "$schema" > "$seeds/FuzzJSONSchema/$name.json"
done <<'SCHEMAS'
refs	{"$defs": {"a": {"type": "object", "properties": {"b": {"$ref": "#/$defs/a"}}}}, "$ref": "#/$defs/a"}
anchors	{"$id": "https://example.org/s", "$defs": {"n": {"$anchor": "num", "type": "number", "multipleOf": 0.01}}, "items": {"$ref": "#num"}}
dynamic	{"$id": "https://example.org/tree", "$dynamicAnchor": "node", "type": "object", "properties": {"kids": {"type": "array", "items": {"$dynamicRef": "#node"}}}}
applicators	{"allOf": [{"minProperties": 1}], "anyOf": [{"required": ["name"]}, {"required": ["count"]}], "oneOf": [{"type": "object"}, {"type": "array"}], "not": {"const": 3}}
conditional	{"if": {"properties": {"ok": {"const": true}}}, "then": {"required": ["name"]}, "else": {"maxProperties": 0}, "dependentRequired": {"a": ["b"]}, "dependentSchemas": {"c": {"required": ["d"]}}}
objects	{"properties": {"name": {"type": "string", "minLength": 1, "maxLength": 40, "pattern": "^[A-Z][a-z ]+$"}}, "patternProperties": {"^t": {"type": "array"}}, "additionalProperties": false, "propertyNames": {"maxLength": 8}, "unevaluatedProperties": false}
arrays	{"prefixItems": [{"type": "integer"}, {"type": "number"}], "items": {"type": ["string", "null", "object"]}, "contains": {"type": "object"}, "minContains": 1, "maxContains": 2, "uniqueItems": true, "unevaluatedItems": false, "minItems": 1, "maxItems": 9}
numbers	{"type": "number", "minimum": -1e3, "exclusiveMaximum": 12345678901234567890, "multipleOf": 0.5, "enum": [1, 1.0, 2.5, "x", null, {"a": [1]}]}
formats	{"anyOf": [{"format": "date"}, {"format": "date-time"}, {"format": "email"}, {"format": "idn-hostname"}, {"format": "ipv6"}, {"format": "uri"}, {"format": "iri-reference"}, {"format": "uri-template"}, {"format": "json-pointer"}, {"format": "relative-json-pointer"}, {"format": "regex"}, {"format": "duration"}, {"format": "uuid"}, {"format": "time"}]}
draft7	{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"p": {"type": "integer"}}, "items": [{"$ref": "#/definitions/p"}], "additionalItems": false, "dependencies": {"a": ["b"], "c": {"required": ["d"]}}, "exclusiveMinimum": 0}
vocabulary	{"$schema": "https://json-schema.org/draft/2020-12/schema", "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true}, "$comment": "x", "const": {"a": [1, "\u00e9", true]}}
boolean	[true, false, {"not": true}]
SCHEMAS

# Dictionaries that also know the form's own names: XML tags and JSON keys from the XSD.
names="$(grep -o 'name="[A-Za-z][A-Za-z0-9]*"' "$root/schemas/qualification-1.0.xsd" | sed 's/name="\(.*\)"/\1/' | sort -u)"
namespace="$(grep -o 'targetNamespace="[^"]*"' "$root/schemas/qualification-1.0.xsd" | head -1 | sed 's/targetNamespace="\(.*\)"/\1/')"
{
  cat "$root/fuzz/dicts/xml.dict"
  echo "# The form's namespace and names, from schemas/qualification-1.0.xsd (made by fuzz/seeds.sh)"
  echo "\"xmlns=\\\"$namespace\\\"\""
  echo "\"schemaVersion=\\\"1.0\\\"\""
  for name in $names; do echo "\"<$name>\""; echo "\"</$name>\""; done
} > "$seeds/FuzzXML.dict"
{
  cat "$seeds/FuzzXML.dict"
  grep -v '^"\\"\$\|^"\\"[a-z]*\\""$' "$root/fuzz/dicts/json.dict" | grep -v '^#' || true
  echo "# JSON keys of the form"
  for name in $names; do echo "\"\\\"$name\\\":\""; done
} > "$seeds/FuzzChecker.dict"

for target in FuzzJSONReader FuzzJSONSchema FuzzXML FuzzChecker; do
  echo "$target: $(ls "$seeds/$target" | wc -l) seeds"
done
