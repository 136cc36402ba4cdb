#!/usr/bin/env bash
# Fetches one pinned PyPI file into the download cache, once, and checks its sha256.
#   pypi-fetch.sh NAME==VERSION SHA256 sdist|wheel   → prints the cached file's path
# pip is the client (it knows this machine's index and certificates); the file is checked against
# the pinned hash before anything reads it, and a mismatch deletes it.
set -euo pipefail
spec=$1 sha=$2 kind=$3
cache="${XDG_CACHE_HOME:-$HOME/.cache}/verbatim/pypi/$sha"
file=$(ls "$cache"/* 2>/dev/null | head -n 1 || true)
if [ -z "$file" ]; then
    pip=(python3 -m pip)
    "${pip[@]}" --version >/dev/null 2>&1 || {
        "$(dirname "$0")/../install-debian-packages.sh" python3-pip
        pip=(/usr/bin/python3 -m pip)
    }
    mkdir -p "$cache.tmp"
    if [ "$kind" = sdist ]; then
        # pip prepares an sdist's metadata even to download it: in an isolated build environment.
        "${pip[@]}" download --quiet --no-deps --no-binary "${spec%%==*}" -d "$cache.tmp" "$spec" >&2
    else
        "${pip[@]}" download --quiet --no-deps --only-binary :all: -d "$cache.tmp" "$spec" >&2
    fi
    rm -rf "$cache" && mv "$cache.tmp" "$cache"
    file=$(ls "$cache"/* | head -n 1)
fi
actual=$(sha256sum "$file" | cut -d' ' -f1)
if [ "$actual" != "$sha" ]; then
    rm -rf "$cache"
    echo "pypi-fetch: $spec has sha256 $actual, not the pinned $sha; deleted" >&2
    exit 1
fi
echo "$file"
