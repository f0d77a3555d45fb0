#!/usr/bin/env bash
# Fresh Debian 12 machine to a tested build: installs the dependencies (needs root or sudo), builds the
# release preset (warnings are errors) and runs every test with CTest. Exits with CTest's status.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
# The preset runs the tests offscreen (QT_QPA_PLATFORM=offscreen), two at a time, with their output on failure.
status=0
ctest --preset release || status=$?
exit "$status"
