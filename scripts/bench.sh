#!/usr/bin/env bash
# Builds release and prints every performance figure in one Markdown table,
# the peers measured side by side in the same run.
#
#   scripts/bench.sh            full run (installs hyperfine and the peers)
#   SKIP_PEERS=1 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi

echo "building release (default, and statically linked)..." >&2
cargo build --release -q
BIN=target/release/httpdex
# Static glibc skips the dynamic loader's work at every start. The explicit
# --target keeps the flag off build scripts and proc macros.
HOST=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-C target-feature=+crt-static" cargo build --release -q --target "$HOST"
STATIC="target/$HOST/release/httpdex"

# The process-start floor: an empty Rust program, built the same way.
EMPTY_DIR=$(mktemp -d)
trap 'rm -rf "$EMPTY_DIR"' EXIT
mkdir -p "$EMPTY_DIR/src"
printf '[package]\nname = "empty"\nversion = "0.1.0"\nedition = "2024"\n[profile.release]\nlto = true\ncodegen-units = 1\nstrip = true\n' >"$EMPTY_DIR/Cargo.toml"
echo 'fn main() {}' >"$EMPTY_DIR/src/main.rs"
cargo build -q --release --manifest-path "$EMPTY_DIR/Cargo.toml" --target-dir "$EMPTY_DIR/target"

# Measured as installed, the way `cargo install` copies them: a binary the
# linker has just written sits in the page cache in small pieces and starts
# measurably slower (about 5% for httpdex here) than a copied one.
INSTALLED="$EMPTY_DIR/bin"
mkdir -p "$INSTALLED"
cp "$EMPTY_DIR/target/release/empty" "$INSTALLED/empty"
cp "$BIN" "$INSTALLED/httpdex"
cp "$STATIC" "$INSTALLED/httpdex-static"
EMPTY="$INSTALLED/empty"
BIN="$INSTALLED/httpdex"
STATIC="$INSTALLED/httpdex-static"

commands=("$EMPTY" "$BIN show 404" "$STATIC show 404")
names=("empty Rust program" "httpdex show 404" "httpdex show 404 (static build)")
if [ -z "${SKIP_PEERS:-}" ]; then
  need heman || cargo install -q heman >&2
  need hc || pip install -q httpcode >&2
  commands+=("heman code 404" "hc 404")
  names+=("heman code 404" "hc 404 (Python httpcode)")
fi

# Short rounds, so that the machine's drift hits every command alike, each
# in a new random order: on this kind of machine the command hyperfine runs
# first in a round measures up to 10% slower, whichever it is. Each figure
# is the median over all rounds.
JSON_DIR=$(mktemp -d)
for round in $(seq 1 15); do
  shuffled=()
  for i in $(seq 0 $((${#commands[@]} - 1)) | shuf); do shuffled+=("${commands[$i]}"); done
  hyperfine -N --warmup 10 --runs 100 --export-json "$JSON_DIR/$round.json" "${shuffled[@]}" >/dev/null 2>&1
done

echo "running criterion benchmarks..." >&2
cargo bench -q --bench perf -- 'keystroke|catalog/load' >/dev/null 2>&1
criterion_ms() { # mean of a criterion benchmark, in ms
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['mean']['point_estimate']/1e6)" \
    "target/criterion/$1/new/estimates.json"
}
KEY_BUILTIN=$(criterion_ms "keystroke/builtin_type_unauth_and_clear_7_keys")
KEY_10K=$(criterion_ms "keystroke/10k_type_unauth_and_clear_7_keys")

PROBE=$(python3 scripts/tui_probe.py "$BIN" 30)
PROBE_STATIC=$(python3 scripts/tui_probe.py "$STATIC" 30)
SIZE=$(stat -c %s "$BIN")

pairs=()
for i in "${!names[@]}"; do pairs+=("${names[$i]}" "${commands[$i]}"); done
python3 - "$JSON_DIR" "$KEY_BUILTIN" "$KEY_10K" "$PROBE" "$SIZE" "$PROBE_STATIC" "${pairs[@]}" <<'PY'
import glob, json, statistics, sys
pairs = sys.argv[7:]
command_of = dict(zip(pairs[0::2], pairs[1::2]))
names = pairs[0::2]
# Each round's results by name (the order of commands changes per round).
rounds = []
for f in sorted(glob.glob(sys.argv[1] + "/*.json")):
    by_command = {r["command"]: r for r in json.load(open(f))["results"]}
    rounds.append({n: by_command[command_of[n]] for n in names})
key_builtin, key_10k = float(sys.argv[2]) / 7, float(sys.argv[3]) / 7
probe, size = json.loads(sys.argv[4]), int(sys.argv[5])
probe_static = json.loads(sys.argv[6])
# Medians over every run of every round: robust to this kind of machine's
# outliers; ratios are the median of each round's ratio to its own floor.
floor_name = names[0]
ms = {n: statistics.median(t for r in rounds for t in r[n]["times"]) * 1000 for n in names}
ratios = {n: statistics.median(r[n]["median"] / r[floor_name]["median"] for r in rounds) for n in names}
floor = ms["empty Rust program"]
def ok(value, budget): return "✅" if value <= budget else "❌"
rows = [("Figure", "Measured", "Budget", "")]
for n in names:
    ratio = ratios[n]
    budget = "≤ 1.5× the floor" if n.startswith("httpdex show 404") else ""
    mark = ok(ratio, 1.5) if budget else ""
    rows.append((f"`{n}` wall time", f"{ms[n]:.2f} ms median ({ratio:.2f}× the floor)", budget, mark))
rows += [
    ("TUI first frame (median of 30, from exec)", f"{probe['first_frame_ms_median']:.2f} ms", "≤ 5 ms", ok(probe['first_frame_ms_median'], 5)),
    ("TUI first frame, static build", f"{probe_static['first_frame_ms_median']:.2f} ms", "≤ 5 ms", ok(probe_static['first_frame_ms_median'], 5)),
    ("Keystroke: search + 120x40 frame, built-in catalog", f"{key_builtin:.3f} ms", "≤ 1 ms", ok(key_builtin, 1)),
    ("Keystroke: search + 120x40 frame, 10,000 entries", f"{key_10k:.2f} ms", "≤ 16 ms", ok(key_10k, 16)),
    ("CPU while idle (5 s)", f"{probe['idle_cpu_percent']:.1f} %", "≈ 0 %", ok(probe['idle_cpu_percent'], 0.5)),
    ("Peak RSS of the TUI after a session", f"{probe['peak_rss_mib']:.1f} MiB", "≤ 15 MiB", ok(probe['peak_rss_mib'], 15)),
    ("Release binary size", f"{size / 1024 / 1024:.2f} MiB", "", ""),
]
for r in rows:
    print("| " + " | ".join(r) + " |")
    if r[0] == "Figure":
        print("|---|---|---|---|")
PY
