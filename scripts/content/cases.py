#!/usr/bin/env python3
"""cases.py — one-off transcription of IPA's 68 SME case studies (seed 002) into
content/cases/*.yaml. Run once by a maintainer with the seeds beside the checkout; mamoru
never runs it and nothing at run time reads the seeds.

Japanese text is taken verbatim from the seed's case bodies (PDF line breaks joined, the
"?" bullet glyphs and the spaces between Japanese and Latin text dropped); the header fields (prefecture, industry, size band, incident year,
case types, viewpoint) come from the reference notes' overview tables. English is this project's
translation, kept in cases_en.py: every text of a case, each measure bullet on its own, the
title as the title reads and the prefecture romanised (the notes' per-case summaries, with
arrows and Japanese left in, are not used). A file is written only when every case in it has
its English; the script names the cases still missing. The seed lost the 組織的/人的/物理的/技術的 highlighting of
each measure, so measures are tagged here from their wording (KINDS below), and each case is
linked to the common measures its text is most about (LINKS below): both are this project's
reading, not IPA's.

    python3 scripts/content/cases.py ../shared/seeds/002_*.txt ../shared/reference/002-cases.md content/cases
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_en import EN  # noqa: E402

seed_path, notes_path, out_dir = sys.argv[1:4]
seed = open(seed_path, encoding="utf-8").read().split("\n")
notes = open(notes_path, encoding="utf-8").read().split("\n")

def L(n):  # 1-based line of the seed
    return seed[n - 1]

# ---- the notes: boundary table, overview tables, per-case summaries ----
bounds = {}
for line in notes:
    m = re.match(r"\| (\d+) \| (\d+)–(\d+) \| [\d, ]+ \| (\d+)–(\d+) \|", line)
    if m:
        bounds[int(m.group(1))] = tuple(int(m.group(i)) for i in range(2, 6))
rows = {}
for line in notes:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) >= 8 and cells[0].isdigit() and re.match(r"\d+–\d+", cells[1]):
        rows[int(cells[0])] = cells
summ = {}
cur = None
for line in notes:
    m = re.match(r"### Case (\d+) ", line)
    if m:
        cur = int(m.group(1))
        summ[cur] = {"_lines": []}
        continue
    if cur is None:
        continue
    if line.startswith("### ") or line.startswith("## "):
        cur = None
        continue
    summ[cur]["_lines"].append(line)
for k, s in summ.items():
    key = None
    for line in s["_lines"]:
        m = re.match(r"- ([A-Za-z][A-Za-z /]*?)(?: \([^)]*\))?:\s*(.*)", line)
        if m and not line.startswith("  "):
            key = m.group(1).strip().split()[0].lower()
            s[key] = m.group(2).strip()
        elif line.startswith("  - ") and key:
            s[key] = (s.get(key, "") + " " + line[4:].strip()).strip()
        elif line.startswith("- 所在地"):
            s["header"] = line[2:]
        else:
            key = None if not line.startswith("  ") else key

SIZE = {"≤5": "s5", "5 名以下": "s5", "6～20": "s20", "21～50": "s50", "51～100": "s100", "101～300": "s300", "301～": "s301"}
IND = {"製造業": ("E", "Manufacturing"), "情報通信業": ("G", "Information and communications"),
       "運輸業": ("H", "Transport"), "卸売業": ("I", "Wholesale"), "小売業": ("I", "Retail"),
       "金融業": ("J", "Finance"), "不動産業": ("K", "Real estate"), "物品賃貸業": ("K", "Goods rental"),
       "サービス業": ("R", "Services"), "農林水産業": ("A", "Agriculture, forestry and fisheries"),
       "建設業": ("D", "Construction")}
TYPES = {"ウイルス感染": "virus", "ランサムウェア": "ransomware", "不正アクセス": "unauthorized-access",
         "標的型攻撃": "targeted-attack", "内部不正": "insider", "パソコン紛失": "lost-pc"}
ROLE = {"担": "security-staff", "経": "executive", "管": "security-manager"}

# ---- tagging from the wording ----
KINDS = {
    "organizational": ["責任者", "担当者", "体制", "規程", "ルール", "方針", "ポリシー", "委託", "契約", "プライバシーマーク",
                       "ISMS", "監査", "点検", "委員会", "管理室", "台帳", "マニュアル", "手順", "宣言", "就業規則", "BCP", "コンサル"],
    "human": ["教育", "研修", "啓蒙", "啓発", "意識", "周知", "訓練", "動画", "誓約", "勉強会", "セミナー", "ｅラーニング", "e ラーニング",
              "朝礼", "テスト", "演習"],
    "physical": ["施錠", "入退", "ワイヤー", "金庫", "鍵", "カメラ", "耐火", "扉", "静脈", "警備", "入室", "キャビネット", "シュレッダー",
                 "倉庫", "区画", "ゾーニング"],
    "technical": ["ウイルス対策", "ソフト", "ファイアウォール", "UTM", "VPN", "暗号", "バックアップ", "パスワード", "アクセス", "ログ",
                  "サーバ", "USB", "フィルタ", "アップデート", "更新", "Windows", "NAS", "クラウド", "認証", "ネットワーク", "メール",
                  "パッチ", "脆弱性", "シンクライアント", "レジストリ", "アカウント", "プロキシ", "回線", "システム"],
}
LINKS = [
    ("4.3.2", ["ウイルス対策", "セキュリティソフト", "ウイルス", "定義ファイル", "パターンファイル"]),
    ("4.3.3", ["アップデート", "更新", "パッチ", "脆弱性", "サポート", "Windows", "OS"]),
    ("4.5.1", ["バックアップ", "障害", "BCP", "復旧", "予備機"]),
    ("4.1.7", ["教育", "研修", "啓蒙", "啓発", "意識", "周知", "勉強会", "セミナー", "訓練", "ｅラーニング"]),
    ("4.1.2", ["責任者", "担当者", "体制"]),
    ("4.1.1", ["ポリシー", "方針", "経営者", "社長"]),
    ("4.1.6", ["誓約", "守秘", "就業規則", "懲戒", "退職", "派遣"]),
    ("4.3.5", ["USB", "持ち出し", "持出", "ノートパソコン", "モバイル", "スマートフォン", "タブレット", "紛失"]),
    ("4.4.1", ["パスワード", "ID", "認証", "アカウント", "スクリーンセーバー"]),
    ("4.4.2", ["アクセス権", "アクセス制限", "アクセス制御", "アクセス可能", "権限"]),
    ("4.4.3", ["ファイアウォール", "UTM", "VPN", "プロキシ", "フィルタ", "不正アクセス", "遮断", "分離", "分割"]),
    ("4.4.4", ["無線", "Wi-Fi", "WiFi"]),
    ("4.2.1", ["施錠", "入退", "入室", "静脈", "扉", "警備"]),
    ("4.2.3", ["金庫", "ワイヤー", "シュレッダー", "廃棄", "整理", "私物", "私有"]),
    ("4.3.4", ["暗号", "SSL"]),
    ("4.1.5", ["委託", "契約", "外部の", "ベンダ", "業者"]),
    ("4.3.1", ["ログ", "監視", "運用ルール", "点検", "資産管理"]),
    ("4.1.3", ["情報資産", "分類", "重要情報", "機密情報"]),
    ("4.5.2", ["事故対応", "緊急", "インシデント", "報告", "切り離"]),
    ("4.4.5", ["開発", "導入時", "選定"]),
]

def kinds_of(text):
    ks = [k for k, words in KINDS.items() if any(w in text for w in words)]
    return ks or ["organizational"]

def links_of(text):
    scored = []
    for i, (mid, words) in enumerate(LINKS):
        n = sum(text.count(w) for w in words)
        if n:
            scored.append((-n, i, mid))
    return [mid for _, _, mid in sorted(scored)[:4]] or ["4.1.1"]

# ---- the seed body: sections and bullets ----
HEAD = {"発生した事故と影響": "impact", "事故の要因": "cause", "事故後の取り組み": "measures",
        "情報セキュリティ対策に取り組むきっかけ": "trigger", "主な取り組み内容": "measures",
        "取り組みによる効果": "effect"}

def norm(s):
    """Drops the spaces the PDF extraction put between Japanese and Latin text ("USB メモリ")."""
    s = re.sub(r"(?<=[^\x00-\x7f]) +(?=[A-Za-z0-9(（])", "", s)
    s = re.sub(r"(?<=[A-Za-z0-9)）]) +(?=[^\x00-\x7f])", "", s)
    return re.sub(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", "", s).strip()

def join(a, b):
    if a and b and re.match(r"[A-Za-z0-9]", a[-1]) and re.match(r"[A-Za-z0-9]", b[0]):
        return a + " " + b
    return a + b

def body(first, header_first):
    sections, cur, viewpoint_head = {}, None, None
    for n in range(first, header_first):
        line = L(n).strip()
        if not line or re.fullmatch(r"\d+", line) or line == "組織的 人的 物理的 技術的":
            continue
        m = re.match(r"\? (.*)", line)
        head = m.group(1).strip() if m else None
        if head in HEAD or (head and head.endswith("の視点")):
            cur = HEAD.get(head, "viewpoint")
            if cur == "viewpoint":
                viewpoint_head = head
            sections.setdefault(cur, [])
            continue
        if cur is None:
            continue
        if m:
            sections[cur].append(head)
        elif sections[cur]:
            sections[cur][-1] = join(sections[cur][-1], line)
        else:
            sections[cur].append(line)
    return sections, viewpoint_head

def q(s):
    s = norm(s) if re.search(r"[^\x00-\x7f]", s) and not re.search(r"[a-z]{4,} [a-z]{3,}", s) else s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def text(ja, en=None, indent=""):
    return "{ja: " + q(ja) + (", en: " + q(en) if en else "") + "}"

PREF_EN = {"北海道": "Hokkaido", "青森県": "Aomori", "岩手県": "Iwate", "宮城県": "Miyagi", "秋田県": "Akita",
           "山形県": "Yamagata", "福島県": "Fukushima", "茨城県": "Ibaraki", "栃木県": "Tochigi", "群馬県": "Gunma",
           "埼玉県": "Saitama", "千葉県": "Chiba", "東京都": "Tokyo", "神奈川県": "Kanagawa", "新潟県": "Niigata",
           "富山県": "Toyama", "石川県": "Ishikawa", "福井県": "Fukui", "山梨県": "Yamanashi", "長野県": "Nagano",
           "岐阜県": "Gifu", "静岡県": "Shizuoka", "愛知県": "Aichi", "三重県": "Mie", "滋賀県": "Shiga",
           "京都府": "Kyoto", "大阪府": "Osaka", "兵庫県": "Hyogo", "奈良県": "Nara", "和歌山県": "Wakayama",
           "鳥取県": "Tottori", "島根県": "Shimane", "岡山県": "Okayama", "広島県": "Hiroshima", "山口県": "Yamaguchi",
           "徳島県": "Tokushima", "香川県": "Kagawa", "愛媛県": "Ehime", "高知県": "Kochi", "福岡県": "Fukuoka",
           "佐賀県": "Saga", "長崎県": "Nagasaki", "熊本県": "Kumamoto", "大分県": "Oita", "宮崎県": "Miyazaki",
           "鹿児島県": "Kagoshima", "沖縄県": "Okinawa"}
FIELDS = ("title", "impact", "cause", "trigger", "measures", "effect", "viewpoint")

def en_of(k, field):
    """The English of case k's field (scripts/content/cases_en.py); KeyError when missing."""
    return EN[k][field]

def case_yaml(k):
    rec_first, rec_last, head_first, head_last = bounds[k]
    row = rows[k]
    s = summ[k]
    sections, vhead = body(rec_first, head_first)
    incident = k <= 32
    ind_ja = row[3]
    code, ind_en = IND[ind_ja]
    detail = re.search(r"業種 [^ (|]+ \(([^)]*)\)", s.get("header", ""))
    size = SIZE[row[4].replace(" 名", "").strip()]
    title_ja = s["title"].replace(" / ", "　")
    out = [f'  - id: "{k}"',
           f'    source: "seed 002 L{rec_first}-{rec_last}"',
           f'    section: {{ja: "事例 {k}", en: "case {k}"}}',
           f'    prefecture: {q(row[2])}',
           f'    prefecture_en: "{PREF_EN[row[2]]}"',
           f'    industry: "{code}"',
           f'    industry_label: ' + text(ind_ja, ind_en),
           f'    size: "{size}"',
           f'    incident: {"true" if incident else "false"}']
    if incident:
        year = row[5]
        if year.isdigit():
            out.append(f"    incident_year: {year}")
        else:
            out.append("    incident_when: " + text(year, {"数年前": "a few years ago", "発生年不明": "year unknown"}.get(year)))
        types = [TYPES[t.strip()] for t in row[6].split("+")]
        out.append("    types: [" + ", ".join(f'"{t}"' for t in types) + "]")
    out.append("    title: " + text(title_ja, en_of(k, "title")))
    def para(key):
        return "".join(sections.get(key, []))
    if incident:
        out.append("    impact: " + text(para("impact"), en_of(k, "impact")))
        out.append("    cause: " + text(para("cause"), en_of(k, "cause")))
    else:
        out.append("    trigger: " + text(para("trigger"), en_of(k, "trigger")))
    out.append("    measures:")
    bullets = sections.get("measures", [])
    if len(bullets) != len(en_of(k, "measures")):
        sys.exit(f"case {k}: {len(bullets)} measures in the seed, {len(en_of(k, 'measures'))} in cases_en.py")
    for b, en in zip(bullets, en_of(k, "measures")):
        out.append("      - text: " + text(b, en))
        out.append("        kinds: [" + ", ".join(f'"{x}"' for x in kinds_of(b)) + "]")
    out.append("    effect: " + text(para("effect"), en_of(k, "effect")))
    out.append("    viewpoint: " + text(para("viewpoint"), en_of(k, "viewpoint")))
    out.append(f'    viewpoint_role: "{ROLE[row[-1]]}"')
    alltext = "".join(sections.get("measures", [])) + para("cause") + para("trigger")
    out.append("    related_measures: [" + ", ".join(f'"{m}"' for m in links_of(alltext)) + "]")
    return "\n".join(out)

HEADER = """# IPA「中小企業における情報セキュリティ対策の実態調査 - 事例集」: {what}.
# Generated by scripts/content/cases.py from seed 002 (Japanese, verbatim) and the reference notes
# (header fields); English is this project's translation (scripts/content/cases_en.py).
# Measure kinds (組織的・人的・物理的・技術的) and related_measures are this project's tagging from
# the wording: the seed lost the original highlighting.
format: 1
# What users see as a case's source: this name and the case number (section).
document: {{ja: "IPA『中小企業における情報セキュリティ対策の実態調査 事例集』", en: "IPA, Survey of Information-Security Measures at SMEs: Case Studies"}}
cases:
"""
def complete(k):
    need = ("title", "measures", "effect", "viewpoint") + (("impact", "cause") if k <= 32 else ("trigger",))
    return k in EN and all(EN[k].get(f) for f in need)

for name, ids, what in (("incidents", range(1, 33), "cases 1-32, companies that had an incident"),
                        ("good-practice", range(33, 69), "cases 33-68, companies without an incident")):
    missing = [k for k in ids if not complete(k)]
    if missing:
        print(f"{name}.yaml not written: no English yet for cases " + ", ".join(map(str, missing)))
        continue
    with open(f"{out_dir}/{name}.yaml", "w", encoding="utf-8") as f:
        f.write(HEADER.format(what=what))
        f.write("\n\n".join(case_yaml(k) for k in ids) + "\n")
    print(f"{name}.yaml written")
