#!/usr/bin/env python3
"""pdf_check.py — looks at every page of a PDF as a reader would, for the report tests: each page
is rendered by poppler's pdftoppm (grey, 50 dpi) and must carry ink, but not be flooded with it
(a blank page, or a page of black boxes or a chart gone solid), and its text (pdftotext) must
hold no replacement character and end with its own page number "n / N". Prints one line per
page and "ok" or the problems; exits 1 on any. Usage: pdf_check.py FILE.pdf
"""
import os
import re
import subprocess
import sys
import tempfile


def pgm(path):
    data = open(path, 'rb').read()
    # P5 width height maxval, then bytes
    m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():m.end() + w * h]


def main():
    pdf = sys.argv[1]
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-gray', '-r', '50', pdf, os.path.join(tmp, 'p')], check=True)
        files = sorted(f for f in os.listdir(tmp) if f.endswith('.pgm'))
        if len(files) != pages:
            problems.append(f'{len(files)} pages rendered, pdfinfo says {pages}')
        for i, f in enumerate(files, 1):
            w, h, px = pgm(os.path.join(tmp, f))
            dark = sum(1 for b in px if b < 160) / len(px)
            # the body between the running head and the footer (7 % to 93 % of the height):
            # a page with nothing there is blank, whatever its head and footer say
            body = px[int(h * 0.07) * w:int(h * 0.93) * w]
            body_ink = sum(1 for b in body if b < 160) / len(body)
            text = subprocess.run(['pdftotext', '-f', str(i), '-l', str(i), '-raw', pdf, '-'], capture_output=True,
                                  text=True, check=True).stdout
            print(f'page {i}: {w}x{h}, ink {dark:.2%} (body {body_ink:.3%}), {len(text.strip())} characters')
            if body_ink < 0.0005:
                problems.append(f'page {i} is blank ({body_ink:.3%} ink between head and footer)')
            if dark > 0.30:
                problems.append(f'page {i} is flooded ({dark:.2%} ink)')
            if '\ufffd' in text:
                problems.append(f'page {i} has replacement characters')
            if not re.search(rf'\b{i} ?/ ?{pages}\s*$', text.strip()):
                problems.append(f'page {i} does not end with "{i} / {pages}"')
    for p in problems:
        print('problem:', p)
    print('ok' if not problems else 'bad')
    sys.exit(1 if problems else 0)


main()
