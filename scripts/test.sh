#!/usr/bin/env bash
# README command 2: installs what is missing, builds everything and runs every test through CTest:
# the native doctest suite of core and the browser end-to-end tests in headless Chromium.
#   scripts/test.sh [ctest arguments...]     e.g. scripts/test.sh -R e2e
set -euo pipefail
source "$(dirname "$0")/env.sh"

bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" all
cd "$build_native"
ctest --output-on-failure "$@"
