# The two commands of the README: `make run` and `make test`. Both install what they need first.
SHELL := /bin/bash

# Debian packages the program needs to build and run.
RUN_PACKAGES := libsqlite3-dev libpulse-dev pulseaudio pulseaudio-utils
# Debian packages the test suite needs on top of them: speech is generated with flite and sox, and
# every audio test starts its own PulseAudio daemon (scripts/pulseaudio-test-daemon.sh).
TEST_PACKAGES := $(RUN_PACKAGES) flite sox

.PHONY: run test bench bench-archive bench-capture build release deps-run deps-test clean

run: deps-run release
	@scripts/ensure-audio-server.sh
	.build/release/verbatim $(ARGS)

test: deps-test
	swift build --build-tests
	swift test --skip-build --disable-xctest

# Prints figures; never part of `make test`. bench-archive: insert rate, search latency, export time.
# bench-capture: CPU share of recording (10 minutes of real-time capture; CAPTURE_SECONDS to change).
bench: bench-archive bench-capture

CAPTURE_SECONDS ?= 600

bench-archive: deps-test
	swift build -c release --product verbatim-bench
	.build/release/verbatim-bench archive $(BENCH_ARGS)

bench-capture: deps-test
	swift build -c release --product verbatim-bench
	.build/release/verbatim-bench capture --seconds $(CAPTURE_SECONDS)

build:
	swift build

release:
	swift build -c release --product verbatim

deps-run:
	@scripts/install-debian-packages.sh $(RUN_PACKAGES)

deps-test:
	@scripts/install-debian-packages.sh $(TEST_PACKAGES)

clean:
	rm -rf .build
