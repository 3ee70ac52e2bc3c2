#!/usr/bin/env bash
# Times `httpdex check` on 1,000 URLs against nginx on loopback (each URL a
# 302 to a 200, so every check follows one redirect), 32 in flight, side by
# side with `xargs -P 32 curl -L` on the same list in one hyperfine run;
# then the peak RSS of `httpdex check` at 10,000 URLs. Prints a Markdown
# table for the README. Loopback only; bounded by the list sizes.
#
#   scripts/bench_check.sh                 (installs hyperfine, nginx, time)
#   HTTPDEX_BIN=target/release/httpdex scripts/bench_check.sh   (no build)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need nginx || ! need curl || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq hyperfine nginx curl time >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ -z "${HTTPDEX_BIN:-}" ]; then
  echo "building release..." >&2
  cargo build --release -q
  HTTPDEX_BIN=target/release/httpdex
fi

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$WORK/nginx.conf" <<CONF
daemon off; master_process off; worker_processes 1;
pid $WORK/nginx.pid; error_log $WORK/error.log;
events { worker_connections 1024; }
http {
  access_log off; keepalive_requests 100000;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi; uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  server {
    listen 127.0.0.1:$PORT;
    location /page/ { return 302 /final/; }
    location /final/ { return 200 "<title>ok</title>\n"; }
  }
}
CONF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
trap 'kill $NGINX_PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/final/" && break; sleep 0.1; done

seq 1 1000 | sed "s|^|http://127.0.0.1:$PORT/page/|" >"$WORK/1k.txt"
seq 1 10000 | sed "s|^|http://127.0.0.1:$PORT/page/|" >"$WORK/10k.txt"

hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$WORK/times.md" \
  -n "httpdex check -j 32" \
  "$HTTPDEX_BIN check --csv -j 32 --per-host 32 --input $WORK/1k.txt >/dev/null 2>&1" \
  -n "xargs -P 32 curl -L" \
  "xargs -P 32 -n 1 curl -s -o /dev/null -L -w '%{http_code}\n' <$WORK/1k.txt >/dev/null" >&2

rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
RSS=$(rss "$HTTPDEX_BIN" check --csv -j 32 --per-host 32 --input "$WORK/10k.txt")

echo
cat "$WORK/times.md"
echo
echo "| peak RSS, httpdex check, 10,000 URLs, 32 in flight | $((RSS / 1024)) MB |"
