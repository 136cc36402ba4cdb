#!/usr/bin/env bash
# `make demo`: watch Verbatim transcribe with no microphone. Starts a private PulseAudio daemon with a
# virtual microphone, opens the meeting screen on it with the offline engine, and plays a generated
# meeting (a dozen flite sentences, two voices) into it once the screen is recording.
# The demo's archive and audio live in a temporary folder, removed at the end (your archive is untouched);
# set DEMO_KEEP=1 to keep them (the folder is printed).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${VERBATIM_BINARY:-$root/.build/release/verbatim}"  # the tests run it with their debug build
work="$(mktemp -d /tmp/verbatim-demo.XXXXXX)"
pulse="$work/pulse"

sentences=(
    "Let's review the budget for the third quarter before Friday."
    "I think the release is blocked on the database migration."
    "Can everyone see my screen?"
    "We should schedule a follow up meeting with the design team next week."
    "The customer reported that the login page is very slow."
    "Please send me the notes after the call."
    "Our main goal this month is to reduce the number of open bugs."
    "I will update the project plan and share it with everyone."
    "Does anyone have questions about the new hiring process?"
    "The marketing team needs the final numbers by Monday morning."
    "Let's move on to the next item on the agenda."
    "Thank you all for joining, see you tomorrow."
)

cleanup() {
    [ -n "${player:-}" ] && kill "$player" 2>/dev/null || true
    "$root/scripts/pulseaudio-test-daemon.sh" stop "$pulse" >/dev/null 2>&1 || true
    if [ "${DEMO_KEEP:-0}" = 1 ]; then echo "The demo's archive and audio are in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The meeting: each sentence in one of two voices, 16 kHz mono, with a second of silence after it.
parts=("$work/lead.wav")
sox -n -r 16000 -c 1 -b 16 "$work/lead.wav" trim 0 1.0
for i in "${!sentences[@]}"; do
    voice=$([ $((i % 2)) = 0 ] && echo awb || echo rms)
    flite -voice "$voice" -t "${sentences[$i]}" -o "$work/raw-$i.wav"
    sox "$work/raw-$i.wav" -r 16000 -c 1 -b 16 "$work/part-$i.wav" pad 0 1.0
    parts+=("$work/part-$i.wav")
done
sox "${parts[@]}" "$work/meeting.wav"

server="$("$root/scripts/pulseaudio-test-daemon.sh" start "$pulse")"
export PULSE_SERVER="$server" VERBATIM_DB="$work/verbatim.sqlite"

# Play once Verbatim is recording from the virtual microphone: its own source output exists (the
# virtual microphone's remap stream is one from the start, so any source output would not do).
(
    until pactl list source-outputs 2>/dev/null | grep -q 'application.name = "verbatim"'; do sleep 0.1; done
    paplay --device=vsink "$work/meeting.wav"
) &
player=$!

echo "Starting the meeting screen: the generated meeting plays in a moment. q then y stops."
"$binary" --engine offline --title "Verbatim demo" "$@"
