#!/usr/bin/env bash
# Builds both halves: native (core + tests) and web (the site in build/web/site).
# Incremental: third-party objects are their own targets and are not rebuilt by an edit of ours.
set -euo pipefail
source "$(dirname "$0")/env.sh"

what=${1:-all}   # all | native | web

if [ "$what" = all ] || [ "$what" = native ]; then
  cmake -S "$root" -B "$build_native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_native" -j "$jobs"
fi
if [ "$what" = all ] || [ "$what" = web ]; then
  if [ ! -f "$build_web/Makefile" ]; then  # (a failed first configure leaves a cache but no Makefile)
    emcmake cmake -S "$root" -B "$build_web" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build "$build_web" -j "$jobs"
fi
