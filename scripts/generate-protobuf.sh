#!/usr/bin/env bash
# Regenerates the Swift code of every .proto under Sources/ (`make protobuf`). The generated files
# are committed, so neither the build nor the tests need protoc: run this after editing a schema.
# protoc comes from Debian's protobuf-compiler; protoc-gen-swift is built from the swift-protobuf
# that Package.swift pins, so the generated code always matches the runtime library it calls.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-debian-packages.sh protobuf-compiler
swift build -c release --static-swift-stdlib --product protoc-gen-swift
plugin=.build/release/protoc-gen-swift

find Sources -name '*.proto' -print0 | while IFS= read -r -d '' schema; do
    folder=$(dirname "$schema")
    # Visibility=Package: the generated types stay inside this package, like the rest of its API.
    protoc --plugin="$plugin" --swift_opt=Visibility=Package \
        -I "$folder" --swift_out="$folder" "$(basename "$schema")"
    echo "generated ${schema%.proto}.pb.swift" >&2
done
