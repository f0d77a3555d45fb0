#!/usr/bin/env bash
# Installs Headroom's build and test dependencies from Debian 12 packages. Idempotent and quick to rerun:
# the package lists are refreshed only when missing or older than a day, and apt-get is skipped entirely
# when everything is already installed.
#   bash scripts/install-deps.sh          build, run and test (what the README's two commands need)
#   bash scripts/install-deps.sh --ci     also clang + sanitizer/libFuzzer runtime, packaging checkers
#   bash scripts/install-deps.sh --docs   also what docs/make-screenshot.sh uses (ImageMagick, x11-utils)
set -euo pipefail

BASE_PACKAGES=(
    build-essential g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    libqt6opengl6-dev       # Qt6Charts' CMake package needs Qt6OpenGL (only a Recommends of qt6-base-dev)
    libgl-dev libvulkan-dev # Qt6Gui's CMake package looks for OpenGL and the Vulkan headers
    qt6-qpa-plugins         # offscreen and xcb platform plugins
    nlohmann-json3-dev
    xvfb xauth fonts-dejavu-core
)
CI_PACKAGES=(
    clang libclang-rt-14-dev # libFuzzer, AddressSanitizer/UBSan runtimes for clang
    desktop-file-utils appstream file dpkg-dev
)
DOCS_PACKAGES=(imagemagick x11-utils)
LISTS_MAX_AGE_MINUTES=$((24 * 60))

usage() {
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
}

packages=("${BASE_PACKAGES[@]}")
for arg in "$@"; do
    case "$arg" in
        --ci) packages+=("${CI_PACKAGES[@]}") ;;
        --docs) packages+=("${DOCS_PACKAGES[@]}") ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install-deps: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
    esac
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: apt-get not found; this script targets Debian 12 (bookworm)." >&2
    exit 1
fi
if [[ -r /etc/os-release ]] && ! grep -q '^VERSION_CODENAME=bookworm' /etc/os-release; then
    echo "install-deps: warning: not Debian 12 (bookworm); package names may differ." >&2
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [[ "$status" == installed ]] || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages already installed."
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "install-deps: these packages are missing: ${missing[*]}" >&2
        echo "install-deps: run this script as root (su -c 'bash scripts/install-deps.sh') or install sudo." >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
# Refresh the lists only if there are none yet or they are older than a day.
if [[ -z $(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin "-$LISTS_MAX_AGE_MINUTES" -print -quit 2>/dev/null) ]]; then
    echo "install-deps: apt-get update"
    "${as_root[@]}" apt-get update -q
fi
echo "install-deps: installing ${missing[*]}"
# Recommends are not needed: the Qt platform plugins come from qt6-qpa-plugins, listed explicitly.
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: done."
