#!/usr/bin/env bash
# Does a change keep the output byte for byte? Builds the real site and a generated
# 1 000-page corpus with the program of two commits and compares every output file.
#
#   scripts/same-output.sh A B      A, B: commits, branches or tags
#   scripts/same-output.sh A        B is the work tree as it is now (uncommitted changes too)
#   PAGES=300 scripts/same-output.sh A B     a smaller corpus
#   KEEP=1 scripts/same-output.sh A B        keep both outputs (the folder is printed)
#
# Each program builds with its own templates and content (the real site is the repository
# itself); the corpus is generated once, by B's benches/corpus.py, and built by both. Both
# builds run on the same day (the calculators count from today). Exit 0 when every file of
# both outputs is the same (offline.zip and the search index included), 1 with the list of
# files that differ. The programs are debug builds sharing this checkout's target/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
a=$1
b=${2:-}
pages=${PAGES:-1000}
work=$(mktemp -d "${TMPDIR:-/tmp}/same-output.XXXXXX")
cleanup() {
  for t in "$work"/tree-*; do
    [ -d "$t" ] && git -C "$repo" worktree remove --force "$t" >/dev/null 2>&1 || true
  done
  if [ -n "${KEEP:-}" ]; then
    echo "outputs kept in $work (real-a, real-b, corpus-a, corpus-b)"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}

# tree NAME REV: a checkout of REV (the work tree itself when REV is empty).
tree() {
  if [ -z "$2" ]; then
    echo "$repo"
  else
    git -C "$repo" worktree add --quiet --detach "$work/tree-$1" "$2" >&2
    echo "$work/tree-$1"
  fi
}

# program NAME DIR: builds the program of DIR and copies it to $work/NAME.
program() {
  echo "== building the program of $1 ($(git -C "$2" rev-parse --short HEAD)$([ "$2" = "$repo" ] && echo ', work tree'))" >&2
  cargo build --locked --quiet --manifest-path "$2/Cargo.toml" --bin pamyatka
  cp "$CARGO_TARGET_DIR/debug/pamyatka" "$work/$1"
}

tree_a=$(tree a "$a")
tree_b=$(tree b "$b")
program a "$tree_a"
program b "$tree_b"

echo "== generating the corpus ($pages pages)"
python3 "$tree_b/benches/corpus.py" --pages "$pages" --for pamyatka --out "$work/corpus" >/dev/null

status=0
# compare LABEL DIR_A DIR_B
compare() {
  local files bytes
  if diff -r -q "$2" "$3" >"$work/diff-$1.txt"; then
    files=$(find "$2" -type f | wc -l)
    bytes=$(du -sb "$2" | cut -f1)
    echo "$1: the same ($files files, $bytes bytes)"
  else
    echo "$1: DIFFERENT ($(wc -l <"$work/diff-$1.txt") files or folders):"
    sed 's/^/  /' "$work/diff-$1.txt" | head -40
    status=1
  fi
}

for who in a b; do
  root_var=tree_$who
  echo "== building with $who"
  LANG=C.UTF-8 "$work/$who" --root "${!root_var}" --out "$work/real-$who" build >/dev/null 2>&1 ||
    { echo "the real site does not build with $who:"; "$work/$who" --root "${!root_var}" --out "$work/real-$who" build; exit 1; }
  "$work/$who" --root "$work/corpus" --out "$work/corpus-$who" build >/dev/null 2>&1 ||
    { echo "the corpus does not build with $who:"; "$work/$who" --root "$work/corpus" --out "$work/corpus-$who" build; exit 1; }
done

compare "real site" "$work/real-a" "$work/real-b"
compare "corpus" "$work/corpus-a" "$work/corpus-b"
exit $status
