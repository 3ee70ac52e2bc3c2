#!/usr/bin/env bash
# Times `httpdex logs` on a generated 2-million-line combined log (about
# 280 MB, warm in the page cache) side by side with the awk pipeline people
# use for bare counts and with GoAccess, in one hyperfine run, plus each
# command's peak RSS; prints a Markdown table for the README.
#
#   scripts/bench_logs.sh                 (installs hyperfine and goaccess)
#   LINES=500000 RUNS=3 scripts/bench_logs.sh
#   HTTPDEX_BIN=target/release/httpdex scripts/bench_logs.sh   (no build)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-2000000}
RUNS=${RUNS:-5}
need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need goaccess || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq hyperfine goaccess time >/dev/null
fi
if [ -z "${HTTPDEX_BIN:-}" ]; then
  echo "building release..." >&2
  cargo build --release -q
  HTTPDEX_BIN=target/release/httpdex
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/access.log"
echo "generating $LINES lines..." >&2
# Seeded: the same log on every run. Statuses, paths and agents in the
# proportions of a busy site; times spread over one day, in order.
python3 - "$LOG" "$LINES" <<'PY'
import random, sys
path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(18)
statuses = [200] * 750 + [304] * 60 + [301] * 30 + [302] * 20 + [404] * 70 + [403] * 10 \
    + [499] * 20 + [429] * 10 + [500] * 10 + [502] * 10 + [503] * 5 + [504] * 5
pages = [f"/api/v1/users/{i}" for i in range(800)] + [f"/blog/post-{i}" for i in range(600)] \
    + ["/", "/login", "/static/app.js", "/static/app.css", "/favicon.ico", "/wp-login.php"] * 50
agents = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0", "curl/8.5.0",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4) Safari/604.1", "Go-http-client/1.1"]
with open(path, "w") as out:
    lines = []
    for i in range(n):
        t = i * 86400 // n
        ip = f"{rng.randrange(1, 255)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
        page = rng.choice(pages) + ("?page=2" if rng.random() < 0.1 else "")
        status = rng.choice(statuses)
        size = 0 if status == 304 else rng.randrange(200, 60000)
        referer = "https://www.example.com/" if rng.random() < 0.5 else "-"
        lines.append(f'{ip} - - [10/Oct/2024:{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d} +0000] '
                     f'"GET {page} HTTP/1.1" {status} {size} "{referer}" "{rng.choice(agents)}"\n')
        if len(lines) == 10000:
            out.write("".join(lines))
            lines = []
    out.write("".join(lines))
PY
BYTES=$(stat -c %s "$LOG")
cat "$LOG" >/dev/null # warm the page cache

AWK="awk '{print \$9}' $LOG | sort | uniq -c"
GOACCESS="goaccess $LOG --log-format=COMBINED -o $WORK/report.json"
FULL="$HTTPDEX_BIN logs --json $LOG"
SUMMARY="$HTTPDEX_BIN logs --summary --json $LOG"
NAMES=("awk | sort | uniq -c" "GoAccess $(goaccess --version | sed -n 's/.*GoAccess - \([0-9.]*\).*/\1/p' | sed 's/\.$//')" "httpdex logs --json" "httpdex logs --summary --json")
COMMANDS=("$AWK" "$GOACCESS" "$FULL" "$SUMMARY")

echo "timing (hyperfine, $RUNS runs each)..." >&2
hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/times.json" \
  --command-name "${NAMES[0]}" "$AWK >/dev/null" \
  --command-name "${NAMES[1]}" "$GOACCESS >/dev/null 2>&1" \
  --command-name "${NAMES[2]}" "$FULL >/dev/null" \
  --command-name "${NAMES[3]}" "$SUMMARY >/dev/null" >&2

echo "peak memory (/usr/bin/time -v)..." >&2
for i in "${!COMMANDS[@]}"; do
  /usr/bin/time -v sh -c "${COMMANDS[$i]} >/dev/null 2>&1" 2>"$WORK/rss$i.txt" >/dev/null
done

python3 - "$WORK" "$BYTES" "$LINES" <<'PY'
import json, re, sys
work, size, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
results = json.load(open(f"{work}/times.json"))["results"]
def rss(i):
    text = open(f"{work}/rss{i}.txt").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
awk, goaccess = results[0]["median"], results[1]["median"]
print(f"{lines:,} lines, {size / 1e6:.0f} MB, warm page cache; medians of the runs\n")
print("| Command | Time | Throughput | vs awk | vs GoAccess | Peak RSS |")
print("|---|---|---|---|---|---|")
def seconds(t):
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"
def ratio(x):
    return f"{x:,.0f}×" if x >= 10 else f"{x:.1f}×" if x >= 0.1 else f"{x:.3f}×"
for i, r in enumerate(results):
    t = r["median"]
    name = r["command"].replace("|", "\\|")
    print(f"| `{name}` | {seconds(t)} ± {seconds(r['stddev'])} | {size / t / 1e6:,.0f} MB/s "
          f"| {ratio(awk / t)} | {ratio(goaccess / t)} | {rss(i):.1f} MiB |")
PY
