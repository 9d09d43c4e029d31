#!/usr/bin/python3
"""xlsx_cells.py — an .xlsx workbook as JSON, read by openpyxl (Debian's python3-openpyxl, an
independent reader), for the report tests: {"sheets": [names], "SHEET": [[cell, ...], ...],
"widths": {"SHEET": {"A": width}}, "props": {"title", "creator"}}, each cell typed as Excel holds
it: a number stays a number, a date or date-time becomes {"date": "YYYY-MM-DD HH:MM"}, text a
string, an empty cell null. Usage: xlsx_cells.py FILE.xlsx
"""
import datetime
import json
import sys

import openpyxl


def cell(v):
    if isinstance(v, datetime.datetime):
        return {"date": v.strftime("%Y-%m-%d %H:%M")}
    if isinstance(v, datetime.date):
        return {"date": v.strftime("%Y-%m-%d 00:00")}
    return v


wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "widths": {}, "formats": {},
       "props": {"title": wb.properties.title, "creator": wb.properties.creator}}
for ws in wb.worksheets:
    out[ws.title] = [[cell(c.value) for c in row] for row in ws.iter_rows()]
    out["widths"][ws.title] = {k: round(d.width, 1) for k, d in ws.column_dimensions.items() if d.width}
    out["formats"][ws.title] = [[c.number_format for c in row] for row in ws.iter_rows(max_row=min(ws.max_row, 40))]
print(json.dumps(out, ensure_ascii=False))
