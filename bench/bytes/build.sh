#!/bin/bash
# Builds one bundle as `cargo xtask build` does, into OUTDIR, and prints its brotli sizes.
# usage: bench/bytes/build.sh OUTDIR FEATURES(all|matrix|forum|pledges) [wasm-opt flags...]
# env: KEEP=1 -> names kept (--keep-debug + -g), for twiggy; NOBUILD=1 -> reuse the target wasm.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=$1; feat=$2; shift 2
opt=("$@"); [ ${#opt[@]} -eq 0 ] && opt=(-Oz --converge)
mkdir -p "$out"
if [ -z "$NOBUILD" ]; then
  if [ "$feat" = all ]; then f=(); else f=(--no-default-features --features "$feat"); fi
  # As xtask/src/build.rs: `cargo rustc --crate-type cdylib`, else rustc skips the release LTO.
  cargo rustc -q --release --lib -p wsis-sdg-widgets --target wasm32-unknown-unknown --crate-type cdylib "${f[@]}"
fi
cp "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/wsis_sdg_widgets.wasm" "$out/raw.wasm"
kd=(); g=()
[ -n "$KEEP" ] && kd=(--keep-debug) && g=(-g)
wasm-bindgen "$out/raw.wasm" --target web --no-typescript "${kd[@]}" --out-name m --out-dir "$out"
"$root/node_modules/.bin/wasm-opt" "$out/m_bg.wasm" "${opt[@]}" "${g[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue -o "$out/m_bg.wasm"
cp src/embed/elements.js "$out/elements.js"
python3 "$root/bench/bytes/br.py" "$out"
