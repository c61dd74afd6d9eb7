"""Validates JSON files with jsonschema-rs: jsonschema_rs.validator_for(schema) once, then
every error of every file with iter_errors (as python-jsonschema and Qualify report them all).

usage: python3 jsonschemars_check.py SCHEMA.json FILE_OR_FOLDER...
Prints how many files were valid and invalid. Exit status 1 when any file is invalid.
"""
import json
import sys

import jsonschema_rs

from _files import validate_json_files

with open(sys.argv[1], encoding="utf-8") as handle:
    validator = jsonschema_rs.validator_for(json.load(handle))
sys.exit(validate_json_files("jsonschema-rs", validator.iter_errors, sys.argv[2:]))
