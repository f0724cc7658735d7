#!/usr/bin/env bash
# Installs everything the build and the tests need, and nothing twice.
# Safe to run again: each step checks whether its result is already there.
#   - Debian packages (compilers, libraries, fonts, Chromium)
#   - Debian *source* packages imgui and sqlite3, unpacked into third_party/ (git-ignored),
#     with SQLite's amalgamation built from its source tree
#   - playwright-core and ajv (the bundle schema check) from npm, pinned by tests/e2e/package-lock.json
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/third_party"
log() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

packages=(
  build-essential cmake dpkg-dev tcl
  emscripten binaryen
  nlohmann-json3-dev doctest-dev
  fonts-inter fonts-font-awesome fonts-dejavu-core
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# apt-get source needs deb-src entries. Derive them from the machine's own sources,
# so no mirror name is written here.
ensure_deb_src() {
  local src=/etc/apt/sources.list.d/debian.sources dst=/etc/apt/sources.list.d/isms-deb-src.sources
  [ -f "$dst" ] && return 1
  if [ -f "$src" ]; then
    sed -e 's/^Types:.*/Types: deb-src/' "$src" | as_root tee "$dst" >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | as_root tee /etc/apt/sources.list.d/isms-deb-src.list >/dev/null
    as_root touch "$dst"
  fi
  return 0
}

need_update=0
ensure_deb_src && need_update=1
[ ${#missing[@]} -gt 0 ] && need_update=1
need_sources=0
{ [ -f "$cache/imgui/imgui.cpp" ] && [ -f "$cache/sqlite/sqlite3.c" ]; } || need_sources=1
[ $need_sources = 1 ] && need_update=1

if [ $need_update = 1 ]; then
  log "apt-get update"
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Third-party sources from Debian source packages, unpacked under third_party/.
mkdir -p "$cache/src"
if [ ! -f "$cache/imgui/imgui.cpp" ]; then
  log "fetching the imgui source package"
  (cd "$cache/src" && rm -rf imgui-* && apt-get source -qq -o APT::Sandbox::User=root imgui >/dev/null)
  dir=$(find "$cache/src" -maxdepth 1 -type d -name 'imgui-*' | head -1)
  rm -rf "$cache/imgui" "$cache/imgui.tmp" && cp -r "$dir" "$cache/imgui.tmp" && mv "$cache/imgui.tmp" "$cache/imgui"
fi
if [ ! -f "$cache/sqlite/sqlite3.c" ]; then
  log "fetching the sqlite3 source package and building its amalgamation"
  (cd "$cache/src" && rm -rf sqlite3-* && apt-get source -qq -o APT::Sandbox::User=root sqlite3 >/dev/null)
  dir=$(find "$cache/src" -maxdepth 1 -type d -name 'sqlite3-*' | head -1)
  (cd "$dir" && ./configure --disable-tcl >/dev/null && make -s sqlite3.c >/dev/null)
  # Into place in one step: an interrupted run must not leave a half-copied tree that looks done.
  rm -rf "$cache/sqlite.tmp" && mkdir -p "$cache/sqlite.tmp"
  cp "$dir/sqlite3.c" "$dir/sqlite3.h" "$cache/sqlite.tmp/"
  rm -rf "$cache/sqlite" && mv "$cache/sqlite.tmp" "$cache/sqlite"
fi

# Browser test driver: playwright-core only (it never downloads a browser; we use Debian's chromium).
# npm records what it installed in node_modules/.package-lock.json: reinstall when the lockfile changed.
installed_lock="$root/tests/e2e/node_modules/.package-lock.json"
if [ ! -f "$installed_lock" ] || [ "$root/tests/e2e/package-lock.json" -nt "$installed_lock" ]; then
  log "installing playwright-core from its lockfile"
  (cd "$root/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi

log "ready"
