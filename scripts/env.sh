# Shared by the scripts: where things are, and the environment Debian's Emscripten needs.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_native="$root/build/native"
build_web="$root/build/web"
site="$build_web/site"
# Debian's emscripten runs on Debian's node modules (acorn...), not on the machine's node build.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc 2>/dev/null || echo 2)
