#!/usr/bin/env bash
# Builds both halves: native (core + tests) and web (the site in build/web/site, and dist/).
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
  # The deployable site and the single-file app, at the top of the tree (git-ignored): a copy of
  # build/web/dist, made in one step so dist/ is never half old, half new (docs/deploying.md).
  rm -rf "$root/dist.tmp" && cp -r "$build_web/dist" "$root/dist.tmp"
  rm -rf "$root/dist" && mv "$root/dist.tmp" "$root/dist"
fi
