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

from crawl_walk import walk

base, cookie, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
starts = sys.argv[4:]

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


def check(url, page):
    text = visible_text(page)
    for what, rx in CHECKS:
        m = rx.search(text)
        if m:
            a, b = max(0, m.start() - 40), min(len(text), m.end() + 40)
            print(f"BAD {url}: {what}: {' '.join(text[a:b].split())}")


walk(base, cookie, limit, starts, check)
