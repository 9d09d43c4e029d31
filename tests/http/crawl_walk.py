"""crawl_walk.py — the walk that tests/http/crawl.py and crawl_english.py share: every page a
signed-in user can reach by following links from the start pages (GET only, same server, HTML
only; no downloads or actions; ?lang=, sorting and paging skipped, as they show the same rows).
Prints "CODE URL" per page and "BAD URL: HTTP 5xx" for a server error, hands each HTML page to
check(url, page), and ends with "pages: N"."""
import html
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

# downloads and actions that are not pages to read
SKIP = re.compile(r"\.(pdf|xlsx|csv|json|png|svg|css|js)$|/export$|/logout$|^/static/|^/api/")
HREF = re.compile(r'<a\b[^>]*\bhref="([^"#]*)', re.I)


def walk(base, cookie, limit, starts, check):
    seen, queue, n = set(starts), deque(starts), 0
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
        check(url, page)
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
