#!/usr/bin/env python3
"""Checks the guides in data/guides/*.md while they are written.

The Rust tests hold the same rules for CI; this script gives a writer quick
answers: format, word count, links, verbatim RFC quotes, example exchanges.
Usage: scripts/check_guides.py [FILE...]   (default: every guide)
"""
import glob, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "..", "shared", "reference")
SLUGS = ["authentication", "redirects", "rate-limiting", "caching", "proxies-and-cdns",
         "api-errors", "large-and-slow-requests", "content-negotiation", "range-requests",
         "webdav", "search-engines", "http2-http3", "vendor-codes", "choosing-a-code"]
NO_BODY = lambda code: 100 <= code < 200 or code in (204, 304)
# Headers a response of this code must carry (RFC 9110 MUSTs and the
# project's recommended ones that an example should always show).
REQUIRED = {401: ["WWW-Authenticate"], 407: ["Proxy-Authenticate"], 405: ["Allow"],
            416: ["Content-Range"], 426: ["Upgrade"], 301: ["Location"], 302: ["Location"],
            303: ["Location"], 307: ["Location"], 308: ["Location"], 201: []}


def ids():
    out = set()
    for f in glob.glob(os.path.join(ROOT, "data", "codes", "*.json")):
        out.update(e["id"] for e in json.load(open(f)))
    return out


def normalise(text):
    keep = []
    for line in text.splitlines():
        line = line.lstrip("\f")
        t = line.rstrip()
        if t.endswith("]") and "[Page " in t:
            continue
        if t.startswith("RFC ") and "  " in t and "." not in t:
            continue
        keep.append(line)
    return " ".join(" ".join(keep).split())


def rfc_text(number):
    for suffix in ("", "-excerpt"):
        p = os.path.join(REF, f"rfc{number}{suffix}.txt")
        if os.path.exists(p):
            return normalise(open(p).read())
    return None


def words(body):
    text = re.sub(r"```.*?```", " ", body, flags=re.S)
    return len(re.findall(r"[A-Za-z0-9][\w'’./-]*", text))


def check_message(msg, where, problems):
    lines = msg.split("\n")
    first = lines[0]
    if not first.startswith("HTTP/"):
        if not re.match(r"^[A-Z]+ \S+ HTTP/\d(\.\d)?$", first):
            problems.append(f"{where}: request line {first!r} is not METHOD TARGET HTTP/x")
        return
    m = re.match(r"^HTTP/(1\.1|1\.0|2|3) (\d{3})( .*)?$", first)
    if not m:
        problems.append(f"{where}: status line {first!r} is malformed")
        return
    code = int(m.group(2))
    try:
        blank = lines.index("")
    except ValueError:
        blank = len(lines)
    head, body = lines[1:blank], "\n".join(lines[blank + 1:])
    names = {}
    for h in head:
        if ":" not in h or h.startswith(" "):
            problems.append(f"{where}: header line {h!r} is malformed")
            continue
        n, v = h.split(":", 1)
        names[n.strip().lower()] = v.strip()
    if code >= 200 and "date" not in names and m.group(1) != "2":
        problems.append(f"{where}: {code} response without Date (RFC 9110 6.6.1)")
    for h in REQUIRED.get(code, []):
        if h.lower() not in names:
            problems.append(f"{where}: {code} response without {h}")
    if NO_BODY(code):
        if body.strip() and code >= 200:
            problems.append(f"{where}: {code} response has a body")
        if code < 200 or code == 204:
            for h in ("content-length", "transfer-encoding"):
                if h in names:
                    problems.append(f"{where}: {code} response carries {h}")
    elif "content-length" in names and body.strip() and body != "...":
        want = len((body + ("\n" if not body.endswith("\n") else "")).encode())
        got = names["content-length"]
        if got.isdigit() and abs(int(got) - len(body.encode())) > 2 and abs(int(got) - want) > 2:
            problems.append(f"{where}: Content-Length {got} but the body shown is {len(body.encode())} bytes"
                            " (use the real length, or leave Content-Length out)")


def check(path, known):
    problems = []
    text = open(path).read()
    slug = os.path.basename(path)[:-3]
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        return [f"{path}: no front matter"]
    meta = dict(l.split(": ", 1) for l in m.group(1).splitlines() if ": " in l)
    for field in ("title", "summary", "codes"):
        if not meta.get(field):
            problems.append(f"{path}: front matter lacks {field}")
    for code in [c.strip() for c in meta.get("codes", "").split(",") if c.strip()]:
        if code not in known:
            problems.append(f"{path}: codes names unknown id {code}")
    body = m.group(2)
    n = words(body)
    if not 800 <= n <= 1500:
        problems.append(f"{path}: {n} words (800-1500 wanted)")
    if slug not in SLUGS:
        problems.append(f"{path}: slug {slug} is not in the list")
    for kind, target in re.findall(r"\]\((code|guide):([^)#\s]+)(?:#[^)]*)?\)", body):
        if kind == "code" and target not in known:
            problems.append(f"{path}: link to unknown code {target}")
        if kind == "guide" and target not in SLUGS:
            problems.append(f"{path}: link to unknown guide {target}")
    for bad in re.findall(r"\]\((?!code:|guide:|https://)[^)]*\)", body):
        problems.append(f"{path}: link {bad} is not code:, guide: or https://")
    # Quotes: a run of '> ' lines whose last line is '> — RFC NNNN, Section X.Y'.
    for block in re.findall(r"((?:^> .*\n?)+)", body, re.M):
        lines = [l[2:] for l in block.strip("\n").split("\n")]
        cite = re.match(r"^— RFC (\d+), Section ([\d.]+)$", lines[-1])
        if not cite:
            problems.append(f"{path}: quote without a closing '> — RFC N, Section X' line: {lines[0][:60]}")
            continue
        quote = normalise(" ".join(lines[:-1]))
        ref = rfc_text(cite.group(1))
        if ref is None:
            problems.append(f"{path}: no reference text for RFC {cite.group(1)}")
        elif quote not in ref:
            problems.append(f"{path}: quote not verbatim in RFC {cite.group(1)}: {quote[:70]}")
    for i, fence in enumerate(re.findall(r"```http\n(.*?)```", body, re.S)):
        for j, msg in enumerate(re.split(r"\n(?=(?:HTTP/\S+ \d{3}(?: [^\n]*)?|[A-Z]+ \S+ HTTP/\S+)$)", fence.rstrip("\n"), flags=re.M)):
            check_message(msg.strip("\n"), f"{path}: http block {i + 1} message {j + 1}", problems)
    return problems


def main():
    files = sys.argv[1:] or sorted(f for f in glob.glob(os.path.join(ROOT, "data", "guides", "*.md")) if not f.endswith("FORMAT.md"))
    known = ids()
    problems = [p for f in files for p in check(f, known)]
    for p in problems:
        print(p)
    print(f"{len(files)} guides checked, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
