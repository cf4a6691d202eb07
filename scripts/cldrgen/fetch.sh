#!/usr/bin/env bash
# Fetches the CLDR JSON packages that scripts/cldrgen reads, at the pinned
# version, and unpacks them side by side into DIR (default /tmp/cldr):
#
#   scripts/cldrgen/fetch.sh /tmp/cldr && go run ./scripts/cldrgen -cldr /tmp/cldr
#
# Bump VERSION together with cldrVersion in scripts/cldrgen/cldr.go.
set -euo pipefail
VERSION=48.2.0
dir=${1:-/tmp/cldr}
mkdir -p "$dir"
cd "$dir"
for p in cldr-core cldr-units-full cldr-numbers-full cldr-localenames-full; do
  npm pack --silent "$p@$VERSION" >/dev/null
  rm -rf "$p" && mkdir "$p"
  tar xzf "$p-$VERSION.tgz" -C "$p" --strip-components=1
  rm "$p-$VERSION.tgz"
done
echo "CLDR $VERSION in $dir"
