"""Validates JSON files with python-jsonschema (Draft202012Validator, compiled once), collecting
every error of every file with iter_errors.

usage: python3 pyjsonschema_check.py SCHEMA.json FILE_OR_FOLDER...
Prints how many files were valid and invalid. Exit status 1 when any file is invalid.
"""
import json
import sys

from jsonschema import Draft202012Validator

from _files import files

with open(sys.argv[1], encoding="utf-8") as handle:
    validator = Draft202012Validator(json.load(handle))
valid = invalid = errors = 0
for path in files(sys.argv[2:], ".json"):
    with open(path, encoding="utf-8") as handle:
        try:
            document = json.load(handle)
        except ValueError:
            invalid += 1
            errors += 1
            continue
    found = sum(1 for _ in validator.iter_errors(document))
    if found:
        invalid += 1
        errors += found
    else:
        valid += 1
print(f"python-jsonschema: {valid + invalid} files, {valid} valid, {invalid} invalid, {errors} errors")
sys.exit(1 if invalid else 0)
