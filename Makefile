# Alongside: the two commands are `make demo` and `make test`. Both set up what they need.

SHELL := /bin/bash
CARGO ?= cargo
DEMO_VAULT ?= build/demo-vault
# A fixed passphrase for the fictional demo caseload only. Real vaults ask for one.
DEMO_PASSPHRASE ?= fictional caseload, demo only, not a real one

UNAME_S := $(shell uname -s)
ifeq ($(UNAME_S),Darwin)
  FFI_LIB := target/release/libalongside_ffi.dylib
else
  FFI_LIB := target/release/libalongside_ffi.so
endif

.PHONY: all demo test lint rust-toolchain browser rust-test server-test spec-check backup-reader copy-check kotlin-test swift-test shells-check bench bench-kotlin size bindings toolchain clean

all: test

## Toolchain: Rust (via rustup if cargo is missing), rustfmt and clippy, a C compiler for SQLite,
## PostgreSQL's server binaries for the relay's tests and the sync bench (Debian's `postgresql`;
## they start their own cluster in a temporary folder, never the system one) and, for the tests,
## Debian's `chromium` and `poppler-utils` for the client's copy rendered in a real browser
## (copy-check). `make demo` and `make bench` need all but the browser (rust-toolchain).
toolchain: rust-toolchain browser

rust-toolchain:
	@command -v cc >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq build-essential curl; \
	  else echo "Please install a C compiler (Debian: sudo apt-get install build-essential)"; exit 1; fi; }
	@command -v $(CARGO) >/dev/null || command -v $$HOME/.cargo/bin/cargo >/dev/null || { \
	  echo "Installing Rust with rustup (https://rustup.rs)"; \
	  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
	  [ -n "$$ALONGSIDE_PG_BIN" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing PostgreSQL (the relay's tests run their own cluster)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "PostgreSQL is missing: the relay's tests will fail (Debian: sudo apt-get install postgresql)"; fi; }
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	if command -v rustup >/dev/null; then \
	  installed="$$(rustup component list --installed)"; \
	  for c in rustfmt clippy; do \
	    grep -q "^$$c" <<<"$$installed" || rustup component add $$c; \
	  done; \
	fi

browser:
	@{ command -v chromium >/dev/null && command -v pdftotext >/dev/null; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing chromium and poppler-utils (the client's copy is rendered in a real browser)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "chromium or pdftotext is missing: copy-check will fail (Debian: sudo apt-get install chromium poppler-utils)"; fi; }

## The demo: build the CLI and show a day with the fictional sample caseload.
demo: rust-toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	$(CARGO) build --release -p alongside-cli && \
	mkdir -p $(dir $(DEMO_VAULT)) && \
	ALONGSIDE_PASSPHRASE='$(DEMO_PASSPHRASE)' target/release/alongside --vault $(DEMO_VAULT) demo

## Every test: format, lints, Rust tests, the backup format's independent reader on the frozen
## backup of every format version and on a fresh backup, the client's copy in headless chromium,
## Swift where a Swift toolchain exists, then the phone shells' API check and the Kotlin bindings
## on the JVM (tests/kotlin/run.sh runs both), whose `N passed, N failed` line, counting both, is
## the last line of the run.
test: lint rust-test spec-check backup-reader copy-check swift-test kotlin-test

## Format, clippy, and the core's module graph (no cycles, dependencies pointing down the layers:
## tests/lint/module_cycles.py, which prints "no module cycles"), and no build but the benchmark's
## can ask for an unsealed baseline (tests/lint/baselines_refused.sh).
lint: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	$(CARGO) fmt --all -- --check && \
	$(CARGO) clippy --workspace --all-targets -- -D warnings && \
	python3 tests/lint/module_cycles.py && \
	python3 tests/lint/exported_docs.py && \
	CARGO="$(CARGO)" bash tests/lint/baselines_refused.sh

rust-test: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	$(CARGO) test --workspace

## The relay alone (already part of rust-test): its protocol crate, and the real binary driven over
## HTTP against a PostgreSQL the tests start themselves (server/README.md, "Working on it").
server-test: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	$(CARGO) test -p alongside-wire -p alongside-server

## docs/read_backup.py (written from docs/backup-format.md alone) reads the frozen backup of every
## format version; installs argon2-cffi into build/pylib when Python lacks it (tests/spec/run.sh).
spec-check:
	@bash tests/spec/run.sh

## The client's copy (`alongside copy`) rendered by Debian's headless chromium to a PNG and a PDF,
## the PDF's text checked for the client's goal and plan and for no hidden marker
## (tests/copy/run.sh; fails, never skips, when chromium cannot be had).
copy-check: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; CARGO="$(CARGO)" bash tests/copy/run.sh

kotlin-test: toolchain
	@if [ -x tests/kotlin/run.sh ] || [ -f tests/kotlin/run.sh ]; then \
	  export PATH="$$HOME/.cargo/bin:$$PATH"; bash tests/kotlin/run.sh; \
	else echo "kotlin-test: tests/kotlin/run.sh does not exist yet; skipped"; fi

## docs/read_backup.py, written from docs/backup-format.md alone, reads a backup the CLI has just
## made (tests/backup-reader/run.sh).
backup-reader: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; CARGO="$(CARGO)" bash tests/backup-reader/run.sh

## The phone apps (android/app, ios/App) are not compiled here (no Android SDK, no Xcode): every
## call they make into the generated bindings is checked to exist (tests/shells/check_api.py, with
## its own test), and the Android platform-key adapter runs on the JVM (tests/shells/run.sh).
shells-check: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; bash tests/shells/run.sh

## Benchmarks (timings are measured here, never asserted in tests): generated typical and heavy
## caseloads, sealed against plaintext SQLite and SQLCipher, one run; see bench/run.sh.
## BENCH_SIZES=tiny for a quick smoke run. Report in build/bench/report.md and report.json.
bench: rust-toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; CARGO="$(CARGO)" bash bench/run.sh

## Kotlin and Swift sources generated from the built phone library (not committed: see
## docs/phone-api.md), written aside and swapped in whole so no stale file survives a rename. The Swift
## and its C header are also copied into the ios package.
bindings: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	$(CARGO) build --release -p alongside-ffi && \
	new=build/bindings.new.$$$$ && rm -rf $$new && \
	$(CARGO) run --release -p alongside-bindgen --bin uniffi-bindgen -- \
	  generate $(FFI_LIB) --language kotlin --out-dir $$new/kotlin --no-format && \
	$(CARGO) run --release -p alongside-bindgen --bin uniffi-bindgen -- \
	  generate $(FFI_LIB) --language swift --out-dir $$new/swift --no-format && \
	rm -rf build/bindings.old.$$$$ && { [ ! -e build/bindings ] || mv build/bindings build/bindings.old.$$$$; } && \
	mv $$new build/bindings && rm -rf build/bindings.old.$$$$ && \
	mkdir -p ios/Sources/AlongsideCore ios/Sources/AlongsideCoreFFI && \
	cp build/bindings/swift/AlongsideCore.swift ios/Sources/AlongsideCore/ && \
	cp build/bindings/swift/AlongsideCoreFFI.h ios/Sources/AlongsideCoreFFI/

## The XCTest suite (ios/Tests) where a Swift toolchain exists; says plainly when it skips.
swift-test: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; bash tests/swift/run.sh

## The phone library's size and the time to bring a 1,000-item timeline into Kotlin (JVM + JNA).
bench-kotlin: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; bash tests/kotlin/run.sh --bench

## The phone library's size as the apps ship it: the `phone` profile (what Gradle's cargoNdkBuild and
## ios/scripts/build-xcframework.sh build), as built (symbols kept for bindgen) and stripped.
.PHONY: size-phone
size size-phone: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	$(CARGO) build --profile phone -p alongside-ffi && mkdir -p build/phone && \
	lib=target/phone/$(notdir $(FFI_LIB)); \
	if [ "$(UNAME_S)" = Darwin ]; then strip -x -o build/phone/stripped-$(notdir $(FFI_LIB)) $$lib; \
	else strip -o build/phone/stripped-$(notdir $(FFI_LIB)) $$lib; fi && \
	ls -l $$lib build/phone/stripped-$(notdir $(FFI_LIB)) | awk '{print $$5, $$9}'

## The same library for arm64, as issue 19 sizes it: aarch64 Linux (the code Android's arm64-v8a
## runs; the NDK cannot be fetched here), built with Debian's rustc-web and its arm64 standard
## library and cross C compiler (installed when missing, as root on Debian; rustup's toolchain
## stays the one every other target uses), stripped, and gzip -9 as an APK would deflate it.
.PHONY: size-arm64
size-arm64: rust-toolchain
	@{ [ -d /usr/lib/rustlib/aarch64-unknown-linux-gnu ] && command -v aarch64-linux-gnu-gcc >/dev/null; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    dpkg --add-architecture arm64 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq rustc-web libstd-rust-web-dev:arm64 gcc-aarch64-linux-gnu >/dev/null; \
	  else echo "size-arm64 needs Debian's rustc-web, libstd-rust-web-dev:arm64, gcc-aarch64-linux-gnu"; exit 1; fi; }
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	RUSTC=/usr/bin/rustc CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc \
	AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar \
	CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
	$(CARGO) build --profile phone -p alongside-ffi --target aarch64-unknown-linux-gnu --target-dir target/arm64 && \
	mkdir -p build/phone && lib=target/arm64/aarch64-unknown-linux-gnu/phone/libalongside_ffi.so && \
	aarch64-linux-gnu-strip -o build/phone/stripped-arm64-libalongside_ffi.so $$lib && \
	ls -l $$lib build/phone/stripped-arm64-libalongside_ffi.so | awk '{print $$5, $$9}' && \
	echo "$$(gzip -9 -c build/phone/stripped-arm64-libalongside_ffi.so | wc -c) gzip -9 of the stripped library"

clean:
	rm -rf build
	$(CARGO) clean

## Fuzz the backup reader briefly (FUZZ_SECONDS per target, default 30): raw files and decrypted
## payloads. Runs on the machine's own toolchain with cargo-fuzz (installed from crates.io if
## missing; `-s none`, as the reader is safe Rust). Says plainly when it skips. `make test` covers
## the same entry points with a stable property test (core/tests/backup.rs).
FUZZ_SECONDS ?= 30
.PHONY: fuzz-backup
fuzz-backup: toolchain
	@export PATH="$$HOME/.cargo/bin:$$PATH"; \
	if ! command -v cargo-fuzz >/dev/null; then \
	  echo "fuzz-backup: installing cargo-fuzz"; \
	  $(CARGO) install --locked cargo-fuzz >/dev/null 2>&1 || true; \
	fi; \
	if ! command -v cargo-fuzz >/dev/null; then \
	  echo "fuzz-backup: SKIPPED (cargo-fuzz is not installed and could not be installed)"; exit 0; \
	fi; \
	cd fuzz && for t in backup_file backup_payload; do \
	  mkdir -p corpus/$$t && \
	  $(CARGO) fuzz run -s none $$t corpus/$$t seeds/$$t -- -max_total_time=$(FUZZ_SECONDS) 2>&1 \
	    | grep -E '^Done|panicked|ERROR|SUMMARY|Test unit written' ; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "fuzz-backup: $$t FAILED (input saved in fuzz/artifacts/$$t)"; exit 1; }; \
	  echo "fuzz-backup: $$t ran $(FUZZ_SECONDS) s, no failure"; \
	done
