"""Validates XML files against an XSD with lxml: the schema is compiled once.

usage: python3 lxml_check.py SCHEMA.xsd FILE_OR_FOLDER...
Prints how many files were valid and invalid. Exit status 1 when any file is invalid.
"""
import sys

from lxml import etree

from _files import files

schema = etree.XMLSchema(etree.parse(sys.argv[1]))
parser = etree.XMLParser(resolve_entities=False, no_network=True)
valid = invalid = errors = 0
for path in files(sys.argv[2:], ".xml"):
    try:
        ok = schema.validate(etree.parse(path, parser))
    except etree.XMLSyntaxError:
        ok = False
    if ok:
        valid += 1
    else:
        invalid += 1
        errors += max(1, len(schema.error_log))
print(f"lxml: {valid + invalid} files, {valid} valid, {invalid} invalid, {errors} errors")
sys.exit(1 if invalid else 0)
