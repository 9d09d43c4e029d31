#!/usr/bin/env python3
# crawl_english.py — walks every page a signed-in user can reach by links from the start pages, in
# English (?lang=en on the first request, then the cookie it sets), and reports every place where an
# English page still shows Japanese: hiragana, katakana, kanji, or the Japanese punctuation
# 、。「」（）・：〜 and the other full-width forms. The data behind the pages must be ASCII (the
# caller sets it up so), so any Japanese found comes from the program or its content, not from what
# a user typed. Used by tests/http/test_english_http.sh.
#
#   crawl_english.py BASE COOKIE_HEADER MAX START...
# prints one line per page "CODE URL" and one per finding "BAD URL line N: excerpt"; the last line is
# "pages: N".
#   crawl_english.py --files FILE...
# checks saved pages (answers to a POST) the same way, "BAD FILE line N: excerpt".
import html.parser
import re
import sys

from crawl_walk import walk

# CJK punctuation (、。「」〜 and the ideographic space), kana (・ is U+30FB), kanji, full-width forms （）：
JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRS = ("title", "aria-label", "placeholder", "alt")

# The allow-list: text that is Japanese on purpose on an English page. Keep it small.
#  1. Any element marked lang="ja" (the 「日本語」 language switch in the header, and the Japanese
#     names of documents and laws shown beside their English names): the markup says it is Japanese.
#  2. These exact words, which an English reader needs in Japanese:
ALLOWED = [
    "警察署一覧",            # the term to search the web for to find a police station (incident contacts)
    "anshin＠ipa.go.jp",     # IPA's consultation address as IPA publishes it (incident contacts)
    "情報資産名", "機密性", "完全性", "可用性",  # the ledger headings an imported file must carry (asset import help)
    "1,000万円", "1億円",    # Japanese amounts the capital field understands (organisation form hint)
]
#  Nothing else.
def allowed_by_lang(attrs):
    return any(k == "lang" and (v or "").lower().startswith("ja") for k, v in attrs)


class Text(html.parser.HTMLParser):
    """Collects (line, text) for what a reader sees or hovers, outside lang="ja" elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.out, self.hidden = [], [], 0  # hidden: inside script/style/lang="ja"

    def handle_starttag(self, tag, attrs):
        hide = tag in ("script", "style") or allowed_by_lang(attrs)
        if not self.hidden and not hide:
            for k, v in attrs:
                if k in SHOWN_ATTRS and v:
                    self.out.append((self.getpos()[0], v))
                if k == "value" and v and tag in ("input", "button", "option") and \
                        dict(attrs).get("type") in ("submit", "button", "reset"):
                    self.out.append((self.getpos()[0], v))
        if tag in VOID:
            return
        self.stack.append((tag, hide))
        self.hidden += hide

    def handle_startendtag(self, tag, attrs):
        if not self.hidden and not allowed_by_lang(attrs):
            for k, v in attrs:
                if k in SHOWN_ATTRS and v:
                    self.out.append((self.getpos()[0], v))

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, hide = self.stack.pop()
            self.hidden -= hide
            if t == tag:
                break

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.out.append((self.getpos()[0], data))


def check(where, page):
    if not re.search(r'<html\b[^>]*\blang="en"', page):
        print(f"BAD {where} line 1: the page is not marked lang=\"en\"")
    p = Text()
    p.feed(page)
    p.close()
    for line, text in p.out:
        for word in ALLOWED:
            text = text.replace(word, " ")
        for m in JAPANESE.finditer(text):
            a, b = max(0, m.start() - 30), min(len(text), m.end() + 30)
            print(f"BAD {where} line {line}: {m.group(0)} in: {' '.join(text[a:b].split())}")


if sys.argv[1] == "--files":
    for f in sys.argv[2:]:
        check(f, open(f, encoding="utf-8", errors="replace").read())
    print(f"pages: {len(sys.argv) - 2}")
    sys.exit(0)

walk(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:], check)
