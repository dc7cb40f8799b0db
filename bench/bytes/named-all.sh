#!/bin/bash
# All four bundles with v0 mangling (generic arguments in names) and names kept, for twiggy:
#   cargo install twiggy   (0.8.0 builds here)
#   bench/bytes/named-all.sh && twiggy top -n 100000 --format csv target/bytes/named-matrix/m_bg.wasm > top.csv
#   python3 bench/bytes/group.py top.csv
root=$(cd "$(dirname "$0")/../.." && pwd)
export RUSTFLAGS="-C symbol-mangling-version=v0" CARGO_TARGET_DIR="$root/target/bytes-v0" KEEP=1
for f in matrix forum pledges all; do
  "$root/bench/bytes/build.sh" "$root/target/bytes/named-$f" $f || exit 1
done
