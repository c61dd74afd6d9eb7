# Sourced by side_by_side.sh and rounds.sh, from the repository's root, with the corpus folder
# as $1: the build measured, the two schemas and the XML files in the order xmllint is given them.
corpus=$1
qualify=${QUALIFY:-.build/release/qualify}
xsd=schemas/qualification-1.0.xsd
schema=schemas/qualification-1.0.schema.json
mapfile -t xml_files < <(find "$corpus/xml" -name '*.xml' | sort)
