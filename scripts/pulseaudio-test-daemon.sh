#!/usr/bin/env bash
# A private PulseAudio daemon for tests and benchmarks: a null sink `vsink` (16 kHz mono) and a
# virtual microphone `vmic` that hears whatever is played into the sink. The sink never rewinds: a
# null sink renders silence ahead of time, and when a player starts it rewinds to mix the new stream in
# at once, but its monitor has already passed on that silence, so the first 0.1-0.9 s of every file
# played was lost to the microphone (the start of a demo's first sentence, flaky first words in tests).
#
#   pulseaudio-test-daemon.sh start DIR   starts it with all its state under DIR; prints the server
#                                         address (unix:DIR/native) once clients can connect
#   pulseaudio-test-daemon.sh stop DIR    asks it to exit and waits until it has
#
# Nothing lands in ~/.config/pulse: runtime, state and cookie paths all point into DIR.
set -euo pipefail

command="${1:?usage: $0 start|stop DIR}"
dir="$(realpath -m "${2:?usage: $0 start|stop DIR}")"
server="unix:$dir/native"
export PULSE_RUNTIME_PATH="$dir" PULSE_STATE_PATH="$dir" PULSE_COOKIE="$dir/cookie" PULSE_SERVER="$server"

# Polls (a bounded number of times) until `pactl info` gives the wanted answer: 0 = up, 1 = down.
wait_until() {
    local want="$1"
    for _ in $(seq 1 500); do
        if pactl info >/dev/null 2>&1; then [ "$want" = up ] && return 0
        else [ "$want" = down ] && return 0; fi
        sleep 0.01
    done
    echo "PulseAudio test daemon in $dir did not come $want" >&2
    return 1
}

case "$command" in
start)
    mkdir -p "$dir"
    cat > "$dir/daemon.pa" <<PA
load-module module-native-protocol-unix socket=$dir/native auth-anonymous=1 auth-cookie-enabled=0
load-module module-null-sink sink_name=vsink format=s16le rate=16000 channels=1 norewinds=1 sink_properties=device.description=Virtual-Speaker
load-module module-remap-source master=vsink.monitor source_name=vmic source_properties=device.description=Virtual-Microphone
set-default-sink vsink
set-default-source vmic
PA
    # As root PulseAudio only warns that per-user mode is meant for users; the warning is noise here.
    pulseaudio -n -F "$dir/daemon.pa" --exit-idle-time=-1 --daemonize=yes --use-pid-file=yes \
        --log-target="file:$dir/daemon.log" 2>/dev/null
    wait_until up
    echo "$server"
    ;;
stop)
    pactl exit >/dev/null 2>&1 || true
    wait_until down
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
