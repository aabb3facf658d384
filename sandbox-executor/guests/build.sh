#!/usr/bin/env bash
# Builds the guest programs into OUT (default: sandbox-executor/target/guests):
#   guests/c/NAME.c                      -> OUT/c/NAME.wasm     clang -O2, wasm32-wasi, wasi-libc
#   src/test/resources/guests/NAME.wat   -> OUT/wat/NAME.wasm   wabt's wat2wasm (the tests compile these
#                                                               in the JVM too; the files are for scripts)
#
#   sandbox-executor/guests/build.sh [OUT]
#
# A .wasm newer than its source and this script is kept. Needs the Debian 12 packages
#   clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt
# Environment: CLANG (default clang), WASI_SYSROOT (passed as --sysroot when set; Debian's clang
# finds wasi-libc under /usr/include/wasm32-wasi and /usr/lib/wasm32-wasi without it), WAT2WASM.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/.." && pwd)"
out="${1:-$module/target/guests}"
clang="${CLANG:-clang}"
wat2wasm="${WAT2WASM:-wat2wasm}"
packages="clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt"

cflags=(--target=wasm32-wasi -O2 -Wall -Wextra -Wl,--strip-debug)
[[ -n "${WASI_SYSROOT:-}" ]] && cflags+=("--sysroot=$WASI_SYSROOT")

missing() {
  echo "guests/build.sh: $1" >&2
  echo "guests/build.sh: the guest programs need clang for wasm32-wasi with wasi-libc, and wabt; on Debian 12:" >&2
  echo "    sudo apt-get install -y $packages" >&2
  echo "guests/build.sh: (.ci/run installs them; -DskipTests builds the service without the guests)" >&2
  exit 1
}

mkdir -p "$out/c" "$out/wat"
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT

# Can clang compile and link a wasm32-wasi program (compiler, wasm-ld from lld, wasi-libc, builtins)?
command -v "$clang" >/dev/null 2>&1 || missing "$clang not found"
printf '#include <stdio.h>\nint main(void) { puts("ok"); return 0; }\n' > "$probe/probe.c"
if ! "$clang" "${cflags[@]}" "$probe/probe.c" -o "$probe/probe.wasm" 2> "$probe/err"; then
  sed 's/^/    /' "$probe/err" >&2
  missing "$clang cannot build a wasm32-wasi program"
fi
command -v "$wat2wasm" >/dev/null 2>&1 || missing "$wat2wasm not found"

# fresh SOURCE TARGET: the target exists and is newer than its source and this script.
fresh() {
  [[ -f "$2" && "$2" -nt "$1" && "$2" -nt "$here/build.sh" ]]
}

built=0
for src in "$here"/c/*.c; do
  name="$(basename "$src" .c)"
  fresh "$src" "$out/c/$name.wasm" && continue
  "$clang" "${cflags[@]}" "$src" -o "$out/c/$name.wasm.tmp"
  mv "$out/c/$name.wasm.tmp" "$out/c/$name.wasm"
  built=$((built + 1))
done
for src in "$module"/src/test/resources/guests/*.wat; do
  name="$(basename "$src" .wat)"
  fresh "$src" "$out/wat/$name.wasm" && continue
  "$wat2wasm" "$src" -o "$out/wat/$name.wasm"
  built=$((built + 1))
done
echo "guests/build.sh: $built built; $(ls "$out"/c/*.wasm | wc -l) C and $(ls "$out"/wat/*.wasm | wc -l) WAT guests in $out"
