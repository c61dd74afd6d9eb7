#!/usr/bin/env bash
# Installs qualify and its kit: the program in PREFIX/bin and schemas/ and guidance/ in
# PREFIX/share/qualify, where the program finds them from any folder.
# Usage: scripts/install.sh [PREFIX]   (default /usr/local; needs libxml2 on the machine)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
swift build -c release --static-swift-stdlib --product qualify
mkdir -p "$prefix/bin" "$prefix/share/qualify"
install -m 0755 "$(swift build -c release --show-bin-path)/qualify" "$prefix/bin/qualify"
rm -rf "$prefix/share/qualify/schemas" "$prefix/share/qualify/guidance"
cp -R schemas guidance "$prefix/share/qualify/"
echo "Installed $prefix/bin/qualify, with its kit in $prefix/share/qualify."
echo "Try: $prefix/bin/qualify init -o my-submission.xml && $prefix/bin/qualify check my-submission.xml"
