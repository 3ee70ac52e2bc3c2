#!/usr/bin/env bash
# Benchmarks `httpdex serve` against its peers in one run, all on loopback,
# every load bounded in time: wrk on GET /200 and GET /503 (throughput and
# p99), then peak RSS with 1,000 connections open. Prints a Markdown table.
#
#   scripts/bench_serve.sh                 10 s per measurement
#   DURATION=5 scripts/bench_serve.sh
#   SKIP_PEERS=1 scripts/bench_serve.sh    httpdex only
#
# The peers: a minimal axum server returning a fixed 200 (the practical
# ceiling here), built from the few lines below in a throwaway directory,
# and Python's httpbin under gunicorn (`pip install httpbin gunicorn`).
# wrk runs on the same machine and takes its share of the CPU: the numbers
# compare the servers with each other, not with a dedicated load host.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
need() { command -v "$1" >/dev/null 2>&1; }
need wrk || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

PIDS=()
WORK=$(mktemp -d)
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building release..." >&2
cargo build --release -q
BIN=target/release/httpdex

# Waits for a line with a port on the file $1; prints the port.
port_of() {
  for _ in $(seq 100); do
    if grep -qoE '[0-9]{2,5}' "$1" 2>/dev/null; then
      grep -oE 'port [0-9]+|^[0-9]+$' "$1" | head -1 | grep -oE '[0-9]+'
      return
    fi
    sleep 0.1
  done
  echo "no port in $1" >&2
  exit 1
}

# `wrk URL [CONNECTIONS]` -> "requests/s p99"
measure() {
  local out
  out=$(wrk -t"$THREADS" -c"${2:-$CONNS}" -d"${DURATION}s" --latency "$1")
  local rps p99
  rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | grep -v Non-2xx || true)
  [ -n "$errors" ] && echo "  $1: $errors" >&2
  echo "$rps $p99"
}

# Peak RSS (VmHWM, summed over the processes given) after 1,000
# connections hammer the server for 5 s.
peak_rss() {
  local url=$1
  shift
  wrk -t"$THREADS" -c1000 -d5s "$url" >/dev/null 2>&1 || true
  local total=0
  for pid in "$@"; do
    total=$((total + $(awk '/VmHWM/ {print $2}' "/proc/$pid/status")))
  done
  echo "$((total / 1024)) MB"
}

start_httpdex() {
  "$BIN" serve --port 0 "$@" >"$WORK/httpdex.out" 2>&1 &
  PIDS+=($!)
  HTTPDEX_PID=$!
  HTTPDEX=http://127.0.0.1:$(port_of "$WORK/httpdex.out")
}

row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }

echo "| server | GET /200 req/s | /200 p99 | GET /503 req/s | /503 p99 | peak RSS, 1,000 connections |"
echo "|---|---|---|---|---|---|"

start_httpdex --quiet
read -r a200 p200 < <(measure "$HTTPDEX/200")
read -r a503 p503 < <(measure "$HTTPDEX/503")
rss=$(peak_rss "$HTTPDEX/200" "$HTTPDEX_PID")
row "httpdex serve --quiet" "$a200" "$p200" "$a503" "$p503" "$rss"
kill "$HTTPDEX_PID"

start_httpdex --log text
read -r l200 lp200 < <(measure "$HTTPDEX/200")
row "httpdex serve, log to a file" "$l200" "$lp200" "" "" ""
kill "$HTTPDEX_PID"

[ -n "${SKIP_PEERS:-}" ] && exit 0

echo "building the axum peer..." >&2
AXUM=$WORK/axum
mkdir -p "$AXUM/src"
cat >"$AXUM/Cargo.toml" <<'EOF'
[package]
name = "axum-min"
version = "0.1.0"
edition = "2024"
[dependencies]
axum = "0.8"
tokio = { version = "1", features = ["macros", "rt-multi-thread", "net"] }
[profile.release]
lto = true
codegen-units = 1
EOF
cat >"$AXUM/src/main.rs" <<'EOF'
// A fixed 200 for any path: the least a Rust HTTP server can do.
#[tokio::main]
async fn main() {
    let app = axum::Router::new().fallback(|| async { "OK" });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    println!("{}", listener.local_addr().unwrap().port());
    axum::serve(listener, app).await.unwrap();
}
EOF
cargo build -q --release --manifest-path "$AXUM/Cargo.toml" --target-dir "${AXUM_TARGET:-$AXUM/target}"
"${AXUM_TARGET:-$AXUM/target}/release/axum-min" >"$WORK/axum.out" &
PIDS+=($!)
AXUM_PID=$!
AXUM_URL=http://127.0.0.1:$(port_of "$WORK/axum.out")
read -r x200 xp200 < <(measure "$AXUM_URL/200")
rss=$(peak_rss "$AXUM_URL/200" "$AXUM_PID")
row "minimal axum (fixed 200)" "$x200" "$xp200" "n/a" "n/a" "$rss"
kill "$AXUM_PID"

if need gunicorn && python3 -c 'import httpbin' 2>/dev/null; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  WORKERS=$(nproc)
  gunicorn --log-level warning -w "$WORKERS" -b "127.0.0.1:$PORT" httpbin:app >"$WORK/gunicorn.out" 2>&1 &
  PIDS+=($!)
  GUNICORN_PID=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/status/200" && break
    sleep 0.2
  done
  read -r h200 hp200 < <(measure "http://127.0.0.1:$PORT/status/200")
  read -r h503 hp503 < <(measure "http://127.0.0.1:$PORT/status/503")
  rss=$(peak_rss "http://127.0.0.1:$PORT/status/200" "$GUNICORN_PID" $(pgrep -P "$GUNICORN_PID"))
  row "httpbin, gunicorn -w $WORKERS" "$h200" "$hp200" "$h503" "$hp503" "$rss"
else
  echo "httpbin or gunicorn missing: pip install httpbin gunicorn" >&2
fi

echo
echo "wrk -t$THREADS -c$CONNS -d${DURATION}s on 127.0.0.1; $(nproc) cores; RSS is VmHWM (summed over gunicorn's processes)."
