#!/usr/bin/env bash
# Real Mandarin speech for the tests and benchmarks of the Chinese path (Debian ships none, and
# espeak-ng's Mandarin reads characters as pinyin): the Chinese reference clip of the F5-TTS wheel on
# PyPI (pinned), a line of the film Ne Zha (2019), 6.8 s: "对，这就是我，万人敬仰的太乙真人。"
# Written as 16 kHz mono 16-bit WAV into the cache, once:
#   fetch-test-speech.sh   → ${XDG_CACHE_HOME:-~/.cache}/verbatim/test-speech/mandarin-taiyi.wav
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${XDG_CACHE_HOME:-$HOME/.cache}/verbatim/test-speech/mandarin-taiyi.wav"
[ -f "$target" ] && exit 0
wheel=$("$here/whisper/pypi-fetch.sh" f5-tts==1.1.22 f0505dfb5463645caa526bace346ed1c89bcc9acb9ef42fdffd56c2c4c0a09d1 wheel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$wheel" "$work/clip.wav" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, open(sys.argv[2], "wb") as out:
    out.write(wheel.read("f5_tts/infer/examples/basic/basic_ref_zh.wav"))
PY
mkdir -p "$(dirname "$target")"
sox -R "$work/clip.wav" -r 16000 -c 1 -b 16 "$target.partial.wav"
mv "$target.partial.wav" "$target"
