# The project's two entry points (see README.md):
#
#   make run     grade the example complaints and print the ranked table
#   make test    install what the tests need, then run every test of the repository
#   make generate  rewrite the files generated from the record contract
#                  (core/CONTRACT.md) and the C header
#
# and the inner loop while editing (a few minutes, installs nothing):
#
#   make check   format, clippy, the core and CLI tests
#
# `make test` runs, in order: the Rust checks (format, clippy, tests, docs,
# the Cortex-M build, the README's main command), the C library's tests,
# the Python package's tests, then the quick benchmark and reliability runs.
# Each part can be run alone: make test-rust, test-c, test-python,
# test-benches, test-reliability.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
EMBEDDED_TARGET := thumbv7em-none-eabihf

.PHONY: run generate test check setup test-rust test-c test-python test-benches test-reliability

run:
	$(CARGO) run --release --locked --bin complaint-triage -- score --format table examples/complaints.jsonl

# The record contract's generated files (README table, C code constants,
# core/contract.json, the Python RecordDict), then the cbindgen header that
# includes the constants. Their tests fail when either is stale.
generate:
	$(CARGO) run --locked -p contract-gen
	$(MAKE) -C ffi-c header

test: setup test-rust test-c test-python test-benches test-reliability
	@echo "make test: every part passed"

# What a fresh machine lacks: the embedded target, the lint components, and
# the few system packages the C tests call (pkg-config, valgrind).
setup:
	rustup target add $(EMBEDDED_TARGET)
	rustup component add clippy rustfmt
	@missing=(); \
	for tool in pkg-config valgrind; do command -v $$tool >/dev/null || missing+=($$tool); done; \
	if [ $${#missing[@]} -gt 0 ]; then \
	    sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$${missing[@]}"; \
	fi

# The inner loop: what most changes break, without the C, Python, benchmark
# and reliability suites (make test runs those too).
check:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	$(CARGO) test --locked -p complaint-triage -p complaint-triage-cli

test-rust:
	bash scripts/lint-installs.sh
	$(CARGO) fmt --all --check
	# The Python, fuzzing and firmware crates are workspaces of their own.
	for d in py fuzz firmware; do (cd $$d && $(CARGO) fmt --check) || exit 1; done
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	$(CARGO) clippy --manifest-path py/Cargo.toml --all-targets --locked -- -D warnings
	$(CARGO) test --workspace --locked
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps --locked
	$(CARGO) build -p complaint-triage --release --locked --target $(EMBEDDED_TARGET)
	python3 examples/check_coverage.py examples/complaints.jsonl
	$(MAKE) --no-print-directory run >/dev/null

test-c:
	bash ffi-c/run-tests.sh

test-python:
	bash py/run-tests.sh

# Correctness of the benchmarks on small batches; never timing (BENCHMARKS.md).
test-benches:
	bash benches/run-quick.sh
	# Instruction counts (callgrind), not time: the C entry points' cost over the Rust call.
	$(CARGO) test --locked --profile bench -p complaint-triage-benches --test c_call_instructions

# Short fuzz runs, Cortex-M4 golden run and budgets, panic-free link, Miri (RELIABILITY.md).
test-reliability:
	bash reliability/run-quick.sh
