#!/usr/bin/env bash
# The scale benchmark of issues 3, 5 and 7, natively, as WebAssembly under node, and as
# WebAssembly in headless Chromium (the browser our users have): generates a large workspace
# (10,000 risks, 3,000 assets, 20,000 treatment actions, ...), reopens it and times the risk list,
# every dashboard figure, and the bundle export and import; then the frame time of the risk table,
# dashboard and SoA in the app itself (bench/frame_budget.mjs). Prints the four tables;
# docs/performance.md keeps the results.
#   scripts/bench.sh [--scale 1.0] [--runs 5] [--only bundles]
set -euo pipefail
source "$(dirname "$0")/env.sh"

bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" all
"$build_native/bench/isms_bench" "$@"
echo
# Debian's Emscripten 3.1.6 runtime fetch()es its .wasm under node 18+ unless told not to.
node --no-experimental-fetch "$build_web/bench/isms_bench.js" "$@"
echo
node "$root/bench/run_in_chromium.mjs" "$@"
echo
# The frame budget of issue 4: the same workload imported into the app, frames timed in Chromium.
scale=1.0
for ((i = 1; i <= $#; i++)); do [ "${!i}" = --scale ] && { j=$((i + 1)); scale=${!j}; }; done
node "$root/bench/frame_budget.mjs" --scale "$scale"
