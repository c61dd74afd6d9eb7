"""Validates JSON files with python-jsonschema (Draft202012Validator, compiled once), collecting
every error of every file with iter_errors.

usage: python3 pyjsonschema_check.py SCHEMA.json FILE_OR_FOLDER...
Prints how many files were valid and invalid. Exit status 1 when any file is invalid.
"""
import json
import sys

from jsonschema import Draft202012Validator

from _files import validate_json_files

with open(sys.argv[1], encoding="utf-8") as handle:
    validator = Draft202012Validator(json.load(handle))
sys.exit(validate_json_files("python-jsonschema", validator.iter_errors, sys.argv[2:]))
