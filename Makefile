# The two commands of the README: `make run` and `make test`. Both install what they need first.
SHELL := /bin/bash

# Debian packages the program needs to build and run.
RUN_PACKAGES := libsqlite3-dev
# Debian packages the test suite needs on top of them.
TEST_PACKAGES := $(RUN_PACKAGES)

.PHONY: run test bench build release deps-run deps-test clean

run: deps-run release
	.build/release/verbatim $(ARGS)

test: deps-test
	swift build --build-tests
	swift test --skip-build --disable-xctest

# Prints figures (insert rate, search latency, export time); never part of `make test`.
bench: deps-run
	swift build -c release --product verbatim-bench
	.build/release/verbatim-bench $(BENCH_ARGS)

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
