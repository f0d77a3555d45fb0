#!/usr/bin/env bash
# Fresh Debian 12 machine to running app: installs the dependencies (needs root or sudo), builds the
# release preset and starts Headroom.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release

binary=build/release/app/headroom
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo
    echo "Built $binary, but there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window"
    echo "cannot open here. Options:"
    echo "  - on a desktop session:       $binary"
    echo "  - in a virtual X server:      xvfb-run -a -s '-screen 0 1600x1000x24' $binary"
    echo "  - headless commands:          $binary --help   (estimate, table, export, runs-on, validate …)"
    exit 0
fi
exec "$binary" "$@"
