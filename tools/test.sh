#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need, builds everything,
# then CTest runs the host's unit and integration tests, the extension's tests and lint, and the
# end-to-end tests in real browsers.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh --tests
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOTRAIN_BUILD_TESTS=ON
cmake --build build -j"$(nproc)"
mkdir -p build/test-artifacts
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 600 "$@"
