#!/usr/bin/env bash
# Makes sure a PulseAudio server is reachable before `make run` starts Verbatim.
# On a desktop one already runs (PulseAudio, or PipeWire's pulse server) and this does nothing.
# On a headless machine or in a container it starts a per-user daemon, as a desktop session would,
# and says so; with no sound card, PulseAudio gives it a null sink whose monitor can be recorded.
set -euo pipefail

pactl info >/dev/null 2>&1 && exit 0

echo "No PulseAudio server was reachable: starting a per-user daemon (pulseaudio --start)." >&2
# As root, PulseAudio warns that per-user mode is meant for users; it still works.
pulseaudio --start --exit-idle-time=-1 2>/dev/null || true
if ! pactl info >/dev/null 2>&1; then
    echo "Could not start PulseAudio. Start an audio server, or point PULSE_SERVER at one." >&2
    exit 1
fi
echo "PulseAudio is running; stop it with: pulseaudio --kill" >&2
