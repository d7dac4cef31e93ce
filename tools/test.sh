#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need, builds everything,
# then CTest runs the host's unit and integration tests, the extension's tests and lint, and the
# end-to-end tests in real browsers; then the host's tests again under the sanitizers, and the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh --tests
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOTRAIN_BUILD_TESTS=ON
cmake --build build -j"$(nproc)"
mkdir -p build/test-artifacts
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 600 "$@"

# The host's tests again, built with AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer.
# Reports of every process, the host binaries the tests start included, go to files: any file fails
# the run, even when the process that found the problem did not fail its test.
sanitize=build-sanitize
reports="$PWD/$sanitize/sanitizer-reports"
cmake -S . -B "$sanitize" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOTRAIN_SANITIZE=ON \
  -DNOTRAIN_BUILD_EXTENSION=OFF -DNOTRAIN_BUILD_BENCH=OFF
cmake --build "$sanitize" -j"$(nproc)"
rm -rf "$reports" && mkdir -p "$reports"
ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1:log_path=$reports/asan" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan" \
  ctest --test-dir "$sanitize" -R '^host\.' --output-on-failure -j"$(nproc)" --timeout 900
if compgen -G "$reports/*" >/dev/null; then
  echo "The sanitizers reported problems:" >&2
  cat "$reports"/* >&2
  exit 1
fi

# The libFuzzer targets (clang): CTest replays the corpus in the repository, then fuzzes each briefly.
fuzz=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOTRAIN_SANITIZE=ON -DNOTRAIN_FUZZ=ON \
  -DNOTRAIN_BUILD_EXTENSION=OFF -DNOTRAIN_BUILD_BENCH=OFF
cmake --build "$fuzz" -j"$(nproc)" --target fuzz-frame_reader fuzz-dispatcher
ctest --test-dir "$fuzz" -R '^host\.fuzz' --output-on-failure --timeout 900
