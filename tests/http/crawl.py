#!/usr/bin/env python3
# crawl.py — walks every page a signed-in user can reach by following links from the start pages
# (GET only, same server, HTML only) and reports what a reader should never see on any of them:
# internal source references (「seed 000 L206-212」, line ranges), times as UTC ISO text
# (2026-11-30T06:55:35Z) or dates as bare ISO text instead of the local Japanese or English
# style, a server error, or (on Japanese pages) none of that. Used by tests/http/test_sweep_http.sh.
#
#   crawl.py BASE COOKIE_HEADER MAX START...
# prints one line per page "CODE URL" and one per finding "BAD URL: what: excerpt"; the last
# line is "pages: N".
import html
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

base, cookie, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
starts = sys.argv[4:]

# downloads and actions that are not pages to read
SKIP = re.compile(r"\.(pdf|xlsx|csv|json|png|svg|css|js)$|/export$|/logout$|^/static/|^/api/")
HREF = re.compile(r'<a\b[^>]*\bhref="([^"#]*)', re.I)
CHECKS = [
    ("a seed reference", re.compile(r"seed[ _]?\d{3}|\bseeds?/")),
    ("a line reference", re.compile(r"(?<![A-Za-z0-9])L\d{2,5}(?:\s*[-–]\s*L?\d+)?(?![A-Za-z0-9])")),
    ("a UTC ISO time", re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?Z?")),
    ("an ISO date", re.compile(r"(?<![\d-])20\d{2}-\d{2}-\d{2}(?![\d-])")),
]


def visible_text(page):
    """The text a reader sees (and the titles they hover), without tags, scripts or form values."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<textarea\b.*?</textarea>", " ", page, flags=re.S | re.I)  # what someone typed
    titles = " ".join(re.findall(r'\btitle="([^"]*)"', page))
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(text + " " + titles)


seen, queue, n = set(), deque(), 0
for s in starts:
    seen.add(s)
    queue.append(s)
while queue and n < limit:
    url = queue.popleft()
    req = urllib.request.Request(base + url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(req) as resp:
            code, ctype, body = resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as e:
        code, ctype, body = e.code, e.headers.get("Content-Type", ""), e.read()
    n += 1
    print(code, url)
    if code >= 500:
        print(f"BAD {url}: HTTP {code}")
    if "text/html" not in ctype:
        continue
    page = body.decode("utf-8", "replace")
    text = visible_text(page)
    for what, rx in CHECKS:
        m = rx.search(text)
        if m:
            a, b = max(0, m.start() - 40), min(len(text), m.end() + 40)
            print(f"BAD {url}: {what}: {' '.join(text[a:b].split())}")
    for href in HREF.findall(page):
        href = html.unescape(href)
        if not href:
            continue
        u = urllib.parse.urlsplit(urllib.parse.urljoin(base + url, href))
        if u.scheme not in ("http", "https") or base.split("//", 1)[1] != u.netloc:
            continue  # another server, or mailto: and tel: links
        path = u.path + ("?" + u.query if u.query else "")
        # the language comes from the cookie of the run; sorting and paging show the same rows
        if re.search(r"(^|&)(lang|sort|order|page)=", u.query) or SKIP.search(u.path) or path in seen:
            continue
        seen.add(path)
        queue.append(path)
print(f"pages: {n}")
