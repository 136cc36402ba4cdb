#!/usr/bin/env bash
# Builds whisper.cpp (the C library behind the Whisper engine) once, from the source that PyPI's
# pywhispercpp sdist carries, into .build/whisper.cpp/ (lib/, include/, bin/whisper-quantize).
# Verbatim opens lib/libwhisper.so.1 on first use; nothing is fetched or built at run time.
set -euo pipefail
cd "$(dirname "$0")/../.."
# whisper.cpp v1.8.5 (MIT), inside pywhispercpp 1.5.1.
PACKAGE="pywhispercpp==1.5.1"
SHA256="5df897e5dd9d9f16804fc937bd85b9f5880a0b29a55f8843585e0e03d76195e5"
prefix="$PWD/.build/whisper.cpp"
stamp="$prefix/.built-from-$SHA256"
[ -f "$stamp" ] && exit 0

scripts/install-debian-packages.sh cmake g++ python3
sdist=$(scripts/whisper/pypi-fetch.sh "$PACKAGE" "$SHA256" sdist)
work="$PWD/.build/whisper.cpp-build"
rm -rf "$work" "$prefix" && mkdir -p "$work"
tar -xzf "$sdist" -C "$work"
source=$(echo "$work"/pywhispercpp-*/whisper.cpp)
echo "Building whisper.cpp from $(basename "$sdist") (about a minute)" >&2
# GGML_NATIVE: the CPU's own instructions (AVX2/AVX-512 here); no OpenMP: Verbatim sets the threads.
# The libraries find each other through $ORIGIN, so the folder can be moved (make install does).
cmake -S "$source" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
    -DWHISPER_BUILD_TESTS=OFF -DWHISPER_BUILD_SERVER=OFF -DWHISPER_SDL2=OFF -DGGML_NATIVE=ON \
    -DGGML_OPENMP=OFF -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON -DCMAKE_INSTALL_RPATH='$ORIGIN' \
    >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/build" -j"$(nproc)" --target whisper whisper-quantize >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; exit 1; }
mkdir -p "$prefix/lib" "$prefix/include" "$prefix/bin"
cp -a "$work"/build/src/libwhisper.so* "$work"/build/ggml/src/libggml*.so* "$prefix/lib/"
cp "$source"/include/whisper.h "$source"/ggml/include/*.h "$prefix/include/"
cp "$work/build/bin/whisper-quantize" "$prefix/bin/"
cp "$source/LICENSE" "$prefix/LICENSE"
rm -rf "$work"
touch "$stamp"
