#!/usr/bin/env bash
# Compares the output of two httpdex binaries for every page a refactor must
# keep byte-identical: `show` of every id (plain and coloured), `list`,
# `list --markdown`, `compare 401 403` and every snippet of every stack.
# Usage: scripts/compare_outputs.sh OLD_BINARY NEW_BINARY
set -euo pipefail
old=$1 new=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run_all() {
  local bin=$1 out=$2
  mkdir -p "$out"
  local ids
  ids=$("$bin" list --json | python3 -c 'import json,sys; print("\n".join(e["id"] for e in json.load(sys.stdin)))')
  local langs
  langs=$("$bin" snippet 404 --lang nope 2>&1 | sed -n 's/.*use one of \(.*\) (see.*/\1/p' | tr -d ',' || true)
  for id in $ids; do
    "$bin" show "$id" >"$out/show-$id" 2>&1 || true
    "$bin" show "$id" --color always >"$out/show-color-$id" 2>&1 || true
    for lang in $langs; do
      "$bin" snippet "$id" --lang "$lang" >"$out/snippet-$id-$lang" 2>&1 || true
    done
  done
  "$bin" list >"$out/list" 2>&1
  "$bin" list --color always >"$out/list-color" 2>&1
  "$bin" list --markdown >"$out/list-markdown" 2>&1
  "$bin" compare 401 403 >"$out/compare" 2>&1
  "$bin" compare 401 403 --color always >"$out/compare-color" 2>&1
  echo "$langs" | wc -w >"$out/langs"
}
run_all "$old" "$work/old"
run_all "$new" "$work/new"
echo "$(ls "$work/old" | wc -l) outputs, $(cat "$work/old/langs") stacks"
if diff -r "$work/old" "$work/new" >"$work/diff"; then
  echo "identical"
else
  head -50 "$work/diff"
  exit 1
fi
