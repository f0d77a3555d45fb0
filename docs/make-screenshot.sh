#!/usr/bin/env bash
# Renders Headroom's window in a virtual X server (xvfb-run) and saves it as docs/screenshot.png, the picture
# at the top of the README. Arguments are passed to headroom (e.g. a scenario file to open).
#   bash docs/make-screenshot.sh [headroom arguments...]
# Environment: HEADROOM_BINARY (default build/release/app/headroom), SCREENSHOT_OUTPUT (default
# docs/screenshot.png), SCREENSHOT_SCREEN (virtual screen, default 1600x1000x24), SCREENSHOT_SETTLE_S
# (seconds to let the window lay out and draw its charts before the capture, default 4).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${HEADROOM_BINARY:-build/release/app/headroom}
output=${SCREENSHOT_OUTPUT:-docs/screenshot.png}
screen=${SCREENSHOT_SCREEN:-1600x1000x24}
settle_s=${SCREENSHOT_SETTLE_S:-4}
window_wait_s=30 # how long the window may take to appear

if [[ ! -x "$binary" ]]; then
    echo "make-screenshot: $binary not found; build first: cmake --preset release && cmake --build --preset release" >&2
    exit 1
fi
for tool in xvfb-run import xwininfo; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "make-screenshot: '$tool' is missing; install it with: bash scripts/install-deps.sh --docs" >&2
        exit 1
    fi
done

# Runs inside the virtual X server: start the app, find its largest top-level window whose title has "Headroom",
# let it settle, capture that window only.
capture() {
    local binary=$1 output=$2 settle_s=$3 window_wait_s=$4
    shift 4
    "$binary" "$@" &
    app_pid=$!
    trap 'kill "$app_pid" 2>/dev/null || true' EXIT
    local app=$app_pid window="" waited=0
    while [[ -z "$window" ]]; do
        if ! kill -0 "$app" 2>/dev/null; then
            echo "make-screenshot: headroom exited before showing a window" >&2
            return 1
        fi
        if ((waited >= window_wait_s)); then
            echo "make-screenshot: no Headroom window after ${window_wait_s}s" >&2
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
        # Lines look like: 0x200006 "Untitled — Headroom": ("headroom" "headroom")  1600x1000+0+0  +0+0
        window=$(xwininfo -root -tree | awk '/^ *0x[0-9a-f]+ "[^"]*Headroom[^"]*":/ {
                    split($0, parts, "\\)  "); split(parts[2], geometry, "[x+]");
                    area = geometry[1] * geometry[2];
                    if (area > best) { best = area; id = $1 } }
                 END { if (best > 100 * 100) print id }')
    done
    sleep "$settle_s"
    import -window "$window" "$output"
}
if [[ "${1:-}" == --inside-xvfb ]]; then
    shift
    capture "$binary" "$output" "$settle_s" "$window_wait_s" "$@"
    exit
fi
# xvfb-run is a POSIX shell script that drops exported bash functions, so run this script again inside it.
xvfb-run -a -s "-screen 0 $screen" bash "$0" --inside-xvfb "$@"
echo "make-screenshot: wrote $output ($(identify -format '%wx%h' "$output" 2>/dev/null || echo '?'))"
