#!/usr/bin/env bash
# README command 1: installs what is missing, builds the app and serves it on this machine only.
#   scripts/serve.sh [PORT]      (default 8080)
set -euo pipefail
source "$(dirname "$0")/env.sh"
port=${1:-${PORT:-8080}}

bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" web
# dist/, as it would be deployed: with its service worker, so the app also starts here offline,
# and a rebuild is offered as "a new version is available" (docs/deploying.md).
exec node "$root/scripts/serve.mjs" "$root/dist" "$port"
