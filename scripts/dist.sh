#!/usr/bin/env bash
# Makes the release files of pamyatka: one program per system that needs nothing installed
# (the WASM modules and the templates are inside it), for editors without Rust or internet.
#
#   bash scripts/dist.sh                      # Linux (static, musl) and Windows: dist/
#   bash scripts/dist.sh --linux-only         # Linux only
#   bash scripts/dist.sh --linux-only --smoke # CI (scripts/test.sh): a quick build, tested, no dist/
#
# Every program made is tested before it is packed: the Linux one is checked to be static,
# the Windows one to need no MinGW DLL; each builds and checks a fresh site and counts a
# deadline (the Windows one under Wine), and both must write the same site byte for byte.
#
# Runs on a fresh Debian machine with rustup, as root (like scripts/test.sh): it adds the two
# Rust targets and installs what it needs from Debian (musl-tools; gcc-mingw-w64-x86-64 and
# wine64 unless --linux-only).
#
# The cross-compiling settings are environment variables here rather than a checked-in
# .cargo/config.toml: they name tools that exist only once this script has installed them,
# and nobody else's `cargo` should see them.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

linux_only=0
smoke_only=0
for arg in "$@"; do
  case $arg in
    --linux-only) linux_only=1 ;;
    --smoke) smoke_only=1 ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "dist.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

linux=x86_64-unknown-linux-musl
windows=x86_64-pc-windows-gnu
targets=("$linux")
[ $linux_only = 1 ] || targets+=("$windows")

echo "== toolchain: rustup targets ${targets[*]} and the wasm32 one (build.rs)"
rustup target add wasm32-unknown-unknown "${targets[@]}"
need_apt=()
command -v musl-gcc >/dev/null || need_apt+=(musl-tools)
command -v file >/dev/null || need_apt+=(file)
if [ $linux_only = 0 ]; then
  command -v x86_64-w64-mingw32-gcc >/dev/null || need_apt+=(gcc-mingw-w64-x86-64)
  [ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null || need_apt+=(wine64)
  [ $smoke_only = 1 ] || command -v zip >/dev/null || need_apt+=(zip)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# The C code of the dependencies (blake3's assembly, libdeflate) is compiled for each target
# by its own compiler. Rust links the musl target itself (its self-contained crt objects);
# the Windows one through MinGW's gcc, which also brings the static libgcc.
export CC_x86_64_unknown_linux_musl=musl-gcc
export AR_x86_64_unknown_linux_musl=ar
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
export AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc

target_dir=${CARGO_TARGET_DIR:-$repo/target}
target_args=()
for t in "${targets[@]}"; do target_args+=(--target "$t"); done
if [ $smoke_only = 1 ]; then
  # The dev profile without debug info: its host half (build scripts, proc macros, the
  # wasm-bindgen build dependency) is the one `cargo test` has just built, and the debug
  # setting does not touch it, so only the target's own crates are compiled here.
  profile_dir=debug
  echo "== cargo build (dev profile, no debug info) ${target_args[*]}"
  CARGO_PROFILE_DEV_DEBUG=0 cargo build --locked "${target_args[@]}"
else
  profile_dir=release
  echo "== cargo build --release ${target_args[*]}"
  cargo build --locked --release "${target_args[@]}"
fi
# build.rs builds the WASM modules once into <target dir>/wasm-build for every target.
for t in "${targets[@]}"; do
  if [ -e "$target_dir/$t/wasm-build" ]; then
    echo "FAIL: the $t build compiled its own WASM modules ($target_dir/$t/wasm-build)" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/pamyatka-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# smoke LABEL COMMAND…: builds and checks a fresh site in $work/LABEL and counts a deadline
# with the program that COMMAND runs. Only relative paths are given to the program, so that
# the Windows one under Wine needs no Z:\ path.
smoke() {
  local label=$1
  shift
  local dir=$work/$label
  mkdir -p "$dir"
  (
    cd "$dir" || fail "cd $dir"
    "$@" --version | grep -qx "pamyatka $version" || fail "$label: --version is not pamyatka $version"
    # `pamyatka init [DIR]` makes a new site; until the program has it, this repository's
    # content/ stands in.
    if "$@" init --help >/dev/null 2>&1; then
      "$@" init site >/dev/null || fail "$label: init"
    else
      mkdir site && cp -r "$repo/content" site/ || fail "$label: copy content/"
    fi
    cd site || fail "$label: no site/"
    "$@" build >build.log 2>&1 || { cat build.log; fail "$label: build"; }
    "$@" check >check.log 2>&1 || { cat check.log; fail "$label: check"; }
    for f in index.html offline.zip sw.js; do
      [ -s "public/$f" ] || fail "$label: the build wrote no public/$f"
    done
    ls public/assets/checks-deadline*.wasm >/dev/null 2>&1 \
      || fail "$label: the build wrote no WASM module (public/assets/checks-deadline*.wasm)"
    cp -r public ../first-build

    # A second build replaces the first one's output (the swap: two renames on Windows).
    printf '\nВторая сборка 5113\n' >>content/index.md
    "$@" build >build2.log 2>&1 || { cat build2.log; fail "$label: a second build"; }
    grep -q "Вторая сборка 5113" public/index.html || fail "$label: a second build left the first one's output"

    # serve: answers, holds the output folder (a build meanwhile is refused), sends nothing
    # from outside it, and shows an edit.
    local port=$((20000 + RANDOM % 20000)) pid i page
    : >serve.log
    "$@" serve --port "$port" >>serve.log 2>&1 &
    pid=$!
    stop() {
      kill "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
      [ -z "${1:-}" ] || { cat serve.log; fail "$label: $1"; }
    }
    # The program speaks the editor's language (Russian unless LANG says otherwise), so the
    # checks below look for what it says in either: the address, the busy message.
    for ((i = 0; i < 600; i++)); do
      grep -qF "http://127.0.0.1:$port/" serve.log && break
      kill -0 "$pid" 2>/dev/null || stop "serve stopped"
      sleep 0.5
    done
    grep -qF "http://127.0.0.1:$port/" serve.log || stop "serve did not start"
    # Windows: the folder as the editor knows it, not its verbatim form (\\?\Z:\…).
    ! grep -qF '\\?\' serve.log || stop "serve names the folder in its verbatim form"
    page=$(http_get "$port" /)
    grep -q "^HTTP/1.[01] 200" <<<"$page" && grep -q "<html" <<<"$page" \
      || stop "serve did not send the home page: $(head -3 <<<"$page")"
    page=$(http_get "$port" "/..%5C..%5Ccontent%5Cindex.md")
    ! grep -q "^HTTP/1.[01] 200" <<<"$page" || stop "serve sent a file from outside public/"
    if "$@" build >busy.log 2>&1 || ! grep -qE "another pamyatka process|другой процесс pamyatka" busy.log; then
      cat busy.log
      stop "a build while serve runs was not refused"
    fi
    printf '\nЖивая перезагрузка 7301\n' >>content/index.md
    for ((i = 0; i < 240; i++)); do
      http_get "$port" / | grep -q "Живая перезагрузка 7301" && break
      sleep 0.5
    done
    http_get "$port" / | grep -q "Живая перезагрузка 7301" \
      || stop "serve did not show an edit of content/index.md"
    stop

    # The deadline is counted with this repository's production calendar (a new site may
    # hold other years).
    mkdir -p ../calendar/content && cp -r "$repo/content/calendar" ../calendar/content/ \
      || fail "$label: copy content/calendar"
    local answer
    answer=$("$@" --root ../calendar deadline "10 рабочих дней" --from 2026-09-04) \
      || fail "$label: deadline"
    grep -q "18.09.2026" <<<"$answer" \
      || fail "$label: deadline «10 рабочих дней» from 04.09.2026 is not 18.09.2026: $answer"
  ) || exit 1
  echo "   $label: build, check, serve and deadline OK"
}

# http_get PORT PATH: the response (status line, headers, body) of a GET on 127.0.0.1.
http_get() {
  timeout 20 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$1" >&3
    cat <&3' "$1" "$2" || true
}

version=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ -n "$version" ] || fail "no version in Cargo.toml's [package]"

# What is tested is what ships: the release programs are stripped first (no symbols: a
# third smaller), into the folders that are then packed.
pack=$work/pack
linux_name=pamyatka-$version-linux-x86_64
windows_name=pamyatka-$version-windows-x86_64
linux_bin=$target_dir/$linux/$profile_dir/pamyatka
windows_exe=$target_dir/$windows/$profile_dir/pamyatka.exe
if [ $smoke_only = 0 ]; then
  mkdir -p "$pack/$linux_name"
  cp "$linux_bin" "$pack/$linux_name/pamyatka"
  linux_bin=$pack/$linux_name/pamyatka
  strip --strip-all "$linux_bin"
  if [ $linux_only = 0 ]; then
    mkdir -p "$pack/$windows_name"
    cp "$windows_exe" "$pack/$windows_name/pamyatka.exe"
    windows_exe=$pack/$windows_name/pamyatka.exe
    x86_64-w64-mingw32-strip --strip-all "$windows_exe"
  fi
fi

echo "== $linux: a static program"
file -b "$linux_bin" | grep -Eq 'statically linked|static-pie linked' \
  || fail "$linux_bin is not static: $(file -b "$linux_bin")"
ldd_out=$(ldd "$linux_bin" 2>&1 || true)
grep -Eq 'not a dynamic executable|statically linked' <<<"$ldd_out" \
  || fail "ldd lists libraries for $linux_bin: $ldd_out"
smoke linux "$linux_bin"

if [ $linux_only = 0 ]; then
  echo "== $windows: no MinGW DLL, and the same under Wine"
  dlls=$(x86_64-w64-mingw32-objdump -p "$windows_exe" | awk '/DLL Name:/ {print $3}')
  if grep -Eiq '^lib|mingw' <<<"$dlls"; then
    fail "$windows_exe needs MinGW's DLLs: $(tr '\n' ' ' <<<"$dlls")"
  fi
  wine=/usr/lib/wine/wine64
  [ -x "$wine" ] || wine=$(command -v wine64)
  # A prefix of our own (not ~/.wine), made once: its first start takes a while. No Mono or
  # Gecko prompts; C.UTF-8, so that the Russian arguments reach the program as they are.
  export WINEPREFIX=$target_dir/wine-prefix WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml='
  export LC_ALL=C.UTF-8
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "   making the Wine prefix $WINEPREFIX (first run only)"
    "$wine" wineboot --init >/dev/null 2>&1 || true
  fi
  # Rust's std asks Windows 10+ for random bytes through bcryptprimitives.dll's ProcessPrng,
  # which Debian 12's Wine 8 lacks: a stand-in for the test only (never shipped) over
  # advapi32's RtlGenRandom.
  stub=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
  if [ ! -f "$stub" ]; then
    cat >"$work/prng.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
C
    x86_64-w64-mingw32-gcc -shared -O2 -o "$stub" "$work/prng.c" -ladvapi32
  fi
  smoke windows "$wine" "$windows_exe"
  "$(dirname "$wine")/wineserver" -k 2>/dev/null || true
  if ! differ=$(diff -rq "$work/linux/first-build" "$work/windows/first-build"); then
    fail "the Windows program wrote a different site than the Linux one:
$(head -20 <<<"$differ")"
  fi
  echo "   both programs wrote the same site"
fi

if [ $smoke_only = 1 ]; then
  echo "== smoke tests passed (no release files with --smoke)"
  exit 0
fi

echo "== dist/"
rm -rf dist
mkdir dist
sed "s/@VERSION@/$version/g" scripts/dist-README.txt >dist/README.txt
cp dist/README.txt "$pack/$linux_name/"
tar -C "$pack" -czf "dist/$linux_name.tar.gz" --owner=0 --group=0 "$linux_name"
if [ $linux_only = 0 ]; then
  # CRLF: the Notepad of older Windows shows a file with LF alone on one line.
  sed 's/$/\r/' dist/README.txt >"$pack/$windows_name/README.txt"
  (cd "$pack" && zip -qr -X "$repo/dist/$windows_name.zip" "$windows_name")
fi
(cd dist && sha256sum -- pamyatka-* >SHA256SUMS)
ls -l dist
