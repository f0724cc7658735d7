#!/usr/bin/env bash
# Makes one upgrade fixture: a workspace file written by an OLD build of the app, for
# tests/core/upgrade_test.cpp (issue 6: "a workspace saved by an older build opens in a newer one").
#
#   scripts/make_upgrade_fixture.sh <commit> <generator.cpp> <output.sqlite>
#
# Checks out <commit> in a temporary worktree, builds its core library natively, compiles the
# generator (tests/core/upgrade_fixtures/make_schema<N>.cpp) against it, runs it and copies the
# workspace file it wrote to <output>. Run by hand when a migration is added (with the commit just
# before it); the files it made are committed, since the old builds are not rebuilt in CI.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ $# -eq 3 ] || { echo "usage: $0 <commit> <generator.cpp> <output.sqlite>" >&2; exit 2; }
commit=$1
generator=$(realpath "$2")
output=$(realpath -m "$3")

work=$(mktemp -d /tmp/isms-fixture.XXXXXX)
cleanup() { git -C "$root" worktree remove --force "$work/src" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

git -C "$root" worktree add --detach "$work/src" "$commit" >/dev/null
ln -s "$root/third_party" "$work/src/third_party"   # the Debian source packages (scripts/setup.sh)
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" --target isms_core -j "$jobs" >/dev/null
core_lib=$(find "$work/build" -name libisms_core.a | head -n1)
sqlite_lib=$(find "$work/build" -name 'libisms_sqlite3.a' | head -n1)
g++ -std=c++20 -O1 -I "$work/src" -I "$work/build" -I "$work/build/core" "$generator" \
    "$core_lib" "$sqlite_lib" -ldl -lpthread -o "$work/make_fixture"
mkdir "$work/out"
"$work/make_fixture" "$work/out"
cp "$work/out/workspace.sqlite" "$output"
echo "wrote $output ($(stat -c %s "$output") bytes) with the build of $commit"
