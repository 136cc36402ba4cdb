#!/usr/bin/env bash
# Regenerates the Swift code of every .proto under Sources/ (`make protobuf`). The generated files
# are committed, so the build itself never needs protoc: run this after editing a schema.
# With --check (part of `make test`), generates into a scratch folder instead and fails if a committed
# file differs from what its schema gives, so that a schema and its code can't drift apart.
#
# protoc comes from Debian's protobuf-compiler; protoc-gen-swift is built from the swift-protobuf
# that Package.swift pins, so the generated code always matches the runtime library it calls.
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
[ "${1:-}" = "--check" ] && check=true

scripts/install-debian-packages.sh protobuf-compiler
# A debug build: it shares SwiftProtobuf with the test build.
swift build --product protoc-gen-swift
plugin="$(swift build --show-bin-path)/protoc-gen-swift"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stale=0
while IFS= read -r -d '' schema; do
    folder=$(dirname "$schema")
    generated="${schema%.proto}.pb.swift"
    # Visibility=Package: the generated types stay inside this package, like the rest of its API.
    protoc --plugin="$plugin" --swift_opt=Visibility=Package \
        -I "$folder" --swift_out="$scratch" "$(basename "$schema")"
    fresh="$scratch/$(basename "$generated")"
    if $check; then
        if ! cmp -s "$fresh" "$generated"; then
            echo "$generated is not what $schema generates: run \`make protobuf\` and commit the result." >&2
            stale=1
        fi
    else
        mv "$fresh" "$generated"
        echo "generated $generated" >&2
    fi
done < <(find Sources -name '*.proto' -print0)
exit $stale
