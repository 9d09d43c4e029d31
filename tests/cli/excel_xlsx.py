#!/usr/bin/env python3
"""excel_xlsx.py — writes a CSV file as an .xlsx laid out the way Japanese Excel saves one, for
the ledger import tests: text in xl/sharedStrings.xml with furigana runs (<rPh>), dates as serial
numbers in cells styled with the built-in date format 14 or a custom yyyy/m/d format, numbers as
numbers, empty cells left out (sparse rows), a title row above the header, the sheet found
through the workbook's relationships. Usage: excel_xlsx.py IN.csv OUT.xlsx [--title TEXT]
"""
import csv
import datetime
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def col_name(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def serial(text):
    m = re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', text)
    if not m:
        return None
    d = datetime.date(int(m[1]), int(m[2]), int(m[3]))
    return (d - datetime.date(1899, 12, 30)).days


def main():
    src, dst = sys.argv[1], sys.argv[2]
    title = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == '--title' else None
    rows = list(csv.reader(open(src, encoding='utf-8-sig', newline='')))
    if title:
        rows.insert(0, [title])
    strings, index = [], {}
    sheet = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            if v == '':
                continue  # Excel leaves empty cells out
            ref = f'{col_name(c)}{r}'
            s = serial(v)
            if s is not None:
                style = 1 if c % 2 else 2  # the built-in date format and a custom one
                cells.append(f'<c r="{ref}" s="{style}"><v>{s}</v></c>')
            elif re.fullmatch(r'\d{1,6}', v):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
        sheet.append(f'<row r="{r}" spans="1:{max(len(row), 1)}">' + ''.join(cells) + '</row>')
    # furigana as Japanese Excel stores it beside the text: never part of the value
    sst = ''.join(f'<si><t xml:space="preserve">{escape(s)}</t><rPh sb="0" eb="1"><t>フリガナ</t></rPh>'
                  f'<phoneticPr fontId="1"/></si>' for s in strings)
    files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        'xl/workbook.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS} {REL}>'
        '<sheets><sheet name="情報資産管理台帳" sheetId="1" r:id="rId3"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>',
        'xl/styles.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {NS}>'
        '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/></numFmts>'
        '<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="176" fontId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
        'xl/sharedStrings.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        'xl/worksheets/sheet1.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS} {REL}>'
        '<sheetData>' + ''.join(sheet) + '</sheetData></worksheet>',
    }
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)


if __name__ == '__main__':
    main()
