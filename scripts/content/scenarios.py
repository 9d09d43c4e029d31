#!/usr/bin/env python3
"""scenarios.py — one-off transcription of the guideline's 10 threat scenarios (seed 000 §5.1),
their 63 appendix-1 checklist items and the appendix-2 measure↔scenario mapping into
content/scenarios.yaml. Run once by a maintainer with the seeds beside the checkout; mamoru
never runs it and nothing at run time reads the seeds.

Japanese text is verbatim from the seed (PDF line breaks joined, the spaces the extraction put
between Japanese and Latin text removed). The seed's two footnotes are left out: their text
(L994, L1431) landed in the middle of scenario 3's situation and scenario 5's key point, and
their markers (「考えられる 2。」, 「点である 3。」) are dropped with them; each footnote only
repeats the document that the same paragraph names anyway. The reference notes give the line
anchors of each scenario, the label of the factor the appendix leaves blank (scenario 9) and
the appendix-2 table. English is this project's translation, kept in scenarios_en.py (the
notes' English is a reading summary, not a translation); every text must have one.

    python3 scripts/content/scenarios.py ../shared/seeds/000_*.txt ../shared/reference/000-guideline.md content/scenarios.yaml
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenarios_en import EN  # noqa: E402

seed_path, notes_path, out_path = sys.argv[1:4]
seed = open(seed_path, encoding="utf-8").read().split("\n")
notes = open(notes_path, encoding="utf-8").read().split("\n")

# footnote lines printed inside the text of a scenario, and the markers that point to them
FOOTNOTES = {994: "2 （公表予定）経済産業省", 1431: "3 経済産業省、"}
for n, start in FOOTNOTES.items():
    assert seed[n - 1].startswith(start), (n, seed[n - 1])
    seed[n - 1] = ""
for n, marker in {953: " 2。", 1408: " 3。"}.items():
    assert marker in seed[n - 1], (n, seed[n - 1])
    seed[n - 1] = seed[n - 1].replace(marker, "。")

def L(n):
    return seed[n - 1]

def norm(s):
    s = re.sub(r"(?<=[^\x00-\x7f]) +(?=[A-Za-z0-9(（])", "", s)
    s = re.sub(r"(?<=[A-Za-z0-9)）]) +(?=[^\x00-\x7f])", "", s)
    s = re.sub(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", "", s)
    return s.strip()

def join_lines(lines):
    out = ""
    for line in lines:
        t = line.strip()
        if not t:
            continue
        if out and re.match(r"[A-Za-z0-9]", out[-1]) and re.match(r"[A-Za-z0-9]", t[0]):
            out += " "
        out += t
    return norm(out)

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

used, missing = set(), []

def text(ja, key=None):
    """A text pair; key names its English in scenarios_en.EN (None: Japanese only)."""
    if key is None:
        return "{ja: " + q(ja) + "}"
    if key not in EN:
        missing.append((key, ja))
        return "{ja: " + q(ja) + "}"
    used.add(key)
    return "{ja: " + q(ja) + ", en: " + q(EN[key]) + "}"

# ---- notes §5: per scenario anchors and English ----
sc = {}
cur = None
for line in notes:
    m = re.match(r"### 5\.1\.(\d+) (.*?) — (.*?) \(L(\d+); 【状況】L(\d+), 【発生した事故】L(\d+), \(2\) L(\d+), \(3\) L(\d+)\)", line)
    if m:
        cur = int(m.group(1))
        sc[cur] = {"en_title": m.group(3), "anchors": [int(m.group(i)) for i in range(4, 9)], "lines": []}
        continue
    if cur and (line.startswith("### ") or line.startswith("## ")):
        cur = None
    if cur:
        sc[cur]["lines"].append(line)

def section(lines, head):
    """Bullets under **head…**: top-level '  - ' items with deeper items appended."""
    out, on = [], False
    for line in lines:
        if line.startswith("- **"):
            on = line.startswith("- **" + head)
            m = re.match(r"- \*\*[^*]*\*\* ?(.*)", line)
            if on and m and m.group(1):
                out.append(m.group(1))
            continue
        if not on:
            continue
        if re.match(r"  - ", line):
            out.append(line[4:].strip())
        elif re.match(r"    +- ", line) and out:
            out[-1] += " " + line.strip()[2:]
    return out

for n, s in sc.items():
    s["situation"] = " ".join(section(s["lines"], "Situation"))
    s["incident"] = " ".join(section(s["lines"], "Incident"))
    s["factors"] = section(s["lines"], "Risk factor")
    s["points"] = section(s["lines"], "Key point")
    checks = {}
    for line in s["lines"]:
        m = re.match(r"\s+- S(\d+)-(\d+) (.*?)\s*L\d+(?:–\d+)?\s*$", line)
        if m:
            en = re.sub(r"\s*\((?:4\.\d\.\d(?:, )?)+\)\.?", "", m.group(3)).strip()
            en = en.rstrip(".") + "."
            checks[f"{int(m.group(1))}-{m.group(2)}"] = en.replace(" ;", ";").replace(" .", ".")
    s["checks_en"] = checks
    # the group labels as the notes read them from the body: the appendix leaves one blank (S9)
    s["groups_ja"] = [m.group(1) for line in s["lines"] for m in [re.match(r"\s+- \[■(.*?)\]", line)] if m]

# ---- the seed: appendix 1 per-scenario checklists ----
FW = str.maketrans("０１２３４５６７８９", "0123456789")  # scenario 3's number is full-width in the seed
starts = [i for i in range(2575, 3000) if re.match(r"\s*シナリオ ?[0-9０-９]+ ", L(i))]
app = {}
for k, first in enumerate(starts):
    last = (starts[k + 1] - 1) if k + 1 < len(starts) else 2998
    n = int(re.match(r"\s*シナリオ ?([0-9０-９]+)", L(first)).group(1).translate(FW))
    head, i = [re.sub(r"^\s*シナリオ ?[0-9０-９]+ ", "", L(first))], first
    while "■" not in head[-1]:  # a long title runs over lines, ending in the ■ box
        i += 1
        head.append(L(i))
    title = join_lines([h.replace("■", "") for h in head])
    risks, buf, buf_first, boxed = [], [], None, False
    for i in range(i + 1, last + 1):
        t = L(i).strip()
        if not t or t.startswith("このシナリオに該当") or t.startswith("内容 チェック") or re.fullmatch(r"\d+", t):
            continue
        # a ■ line is a risk factor, except where the seed put the box before the only check of
        # the factor above it (scenario 8, L2907)
        if t.startswith("■") and not (risks and not risks[-1]["checks"] and not buf):
            risks.append({"factor": norm(t[1:]), "checks": []})
            continue
        t = t.lstrip("■")
        if buf_first is None:
            buf_first = i
        body = t.replace("□", "").strip()
        if body:
            buf.append(body)
        # the box ends the check, except where the seed printed it beside the first line of a
        # check that runs on (scenario 2, L2649 「…何をしなけ □」): then the check ends at the
        # first line that closes a sentence
        boxed = boxed or "□" in t
        if boxed and join_lines(buf).endswith(("。", "）")):
            ja = join_lines(buf)
            measures = re.findall(r"（(4\.\d\.\d)）", ja)
            risks[-1]["checks"].append({"ja": ja, "measures": measures, "lines": (buf_first, i)})
            buf, buf_first, boxed = [], None, False
    app[n] = {"title": title, "risks": risks, "lines": (first, last)}

# ---- the seed: 5.1.N situation, incident, key points ----
def body(n):
    start, sit, acc, two, three = sc[n]["anchors"]
    end = (sc[n + 1]["anchors"][0] - 1) if n + 1 in sc else 2011
    situation = [L(i) for i in range(sit + 1, acc) if not re.match(r"\s*シナリオ \d+\s*$", L(i))]
    incident = []
    for i in range(acc + 1, two):
        if L(i).strip().startswith("なぜ"):
            break
        incident.append(L(i))
    points, on = [], False
    for i in range(three + 1, end + 1):
        t = L(i)
        s = t.strip()
        if not s or re.fullmatch(r"\d+", s) or s.startswith("対策のポイントは") or re.match(r"5\.\d", s):
            continue
        if re.match(r"\s*\([a-z]\)", t) and points:
            points[-1].append(s)
        elif not points or (t.startswith(" ") and points[-1][-1].rstrip().endswith(("。", "）"))):
            # a point starts on an indented line (the extraction's trace of its bullet) after a
            # full stop or a closing parenthesis (scenario 6, L1549-1551)
            points.append([s])
        else:
            points[-1].append(s)
    return join_lines(situation), join_lines(incident), [join_lines(p) for p in points], (start, end)

# ---- appendix 2 mapping, from the notes' table (checked against the text there) ----
mapping = []
for line in notes:
    m = re.match(r"\| (4\.\d\.\d) \| .* \| ([\d, ]+)(?: ⚠.*)? \|$", line)
    if m:
        ids = [x.strip() for x in m.group(2).split(",")]
        if m.group(1) == "4.4.2" and "2" not in ids:
            ids.append("2")  # cited in scenario 2 (L929-931, L2658-2664); appendix 2 omits it
        mapping.append((m.group(1), ids))

out = ["# The guideline's 10 threat scenarios (seed 000 §5.1, L628-2011) with their 63 checklist items",
       "# (appendix 1, L2575-2998) and the mapping of the 22 common measures to them (appendix 2,",
       "# L2999-3042). Generated by scripts/content/scenarios.py: Japanese verbatim from the seed",
       "# (the seed's two footnotes left out, see the script), English this project's translation",
       "# (scripts/content/scenarios_en.py). Appendix 2 lists 4.4.2 for scenario 1 only; the text",
       "# cites it in scenario 2 as well (L2664), so the mapping here has both.",
       "format: 1", 'version: "2009-1"',
       "source: " + text("IPA「中小企業における組織的な情報セキュリティ対策ガイドライン」(2009) 5.1 企業を取り巻く様々な脅威と脅威への対策、付録1・付録2", "source"),
       "# What users see as a scenario's source: this name and the scenario's section.",
       'document: {ja: "IPA『中小企業における組織的な情報セキュリティ対策ガイドライン』(2009)", en: "IPA, Guideline for Organisational Information-Security Measures at SMEs (2009)"}',
       "scenarios:"]
total = npoints = 0
for n in range(1, 11):
    s, a = sc[n], app[n]
    situation, incident, points, (first, last) = body(n)
    out += [f'  - id: "{n}"',
            "    title: " + text(a["title"], f"{n}.title"),
            f'    source: "seed 000 L{first}-{last}, L{a["lines"][0]}-{a["lines"][1]}"',
            f'    section: "5.1.{n}"',
            "    situation: " + text(situation, f"{n}.situation"),
            "    incident: " + text(incident, f"{n}.incident"),
            "    risks:"]
    k = 0
    for r, risk in enumerate(a["risks"]):
        ja = risk["factor"] or (s["groups_ja"][r] if r < len(s["groups_ja"]) else "")
        out.append("      - factor: " + text(ja, f"{n}.factor.{r + 1}"))
        out.append("        checks:")
        for c in risk["checks"]:
            k += 1
            cid = f"{n}-{k:02d}"
            out.append(f'          - id: "{cid}"')
            out.append("            text: " + text(c["ja"], cid))
            out.append("            measures: [" + ", ".join(f'"{m}"' for m in c["measures"]) + "]")
            out.append(f'            source: "seed 000 L{c["lines"][0]}-{c["lines"][1]}"')
    total += k
    npoints += len(points)
    out.append("    points:")
    for p, ja in enumerate(points):
        out.append("      - " + text(ja, f"{n}.point.{p + 1}"))
    print(f"scenario {n}: {k} checks, {len(a['risks'])} factors, {len(points)} points")
out.append("mapping:")
for mid, ids in mapping:
    out.append(f'  - {{measure: "{mid}", scenarios: [' + ", ".join(f'"{i}"' for i in ids) + "]}")
if missing:
    for key, ja in missing:
        print(f"{key}\t{ja}")
    sys.exit(f"scenarios_en.py: {len(missing)} texts have no English")
unused = sorted(set(EN) - used)
if unused:
    sys.exit("scenarios_en.py: English for texts that do not exist: " + ", ".join(unused))
open(out_path, "w", encoding="utf-8").write("\n".join(out) + "\n")
print("checks", total, "points", npoints, "mapping", len(mapping))
