"""Writes the openpyxl members of the producer corpus from the sample workbook (see scripts/build-corpus.ts)."""
import sys

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table, TableStyleInfo

sample, out_dir = sys.argv[1], sys.argv[2]


def find(ws, key, header_col=1):
    """The row whose first cell (column A) is `key`."""
    for row in ws.iter_rows(min_col=header_col, max_col=header_col):
        if row[0].value == key:
            return row[0].row
    raise SystemExit(f"{ws.title}: no row {key}")


# The sample as openpyxl saves it: absolute part names, inline strings, its own styles.
wb = openpyxl.load_workbook(sample)
wb.save(f"{out_dir}/openpyxl-resaved.xlsx")

# With an Excel table over the instruments, a comment and a chart: ExcelJS could not read these.
wb = openpyxl.load_workbook(sample)
ws = wb["Instruments"]
header = find(ws, "Code")
last = header
while ws.cell(row=last + 1, column=1).value:
    last += 1
width = 1
while ws.cell(row=header, column=width + 1).value:
    width += 1
table = Table(displayName="tblInstruments", ref=f"A{header}:{openpyxl.utils.get_column_letter(width)}{last}")
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ws.add_table(table)
wb["Posts"]["A6"].comment = Comment("Checked against the staffing table", "Budget officer")
chart = BarChart()
chart.title = "Parties"
chart.add_data(Reference(ws, min_col=6, min_row=header, max_row=last), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
ws.add_chart(chart, "J5")
wb.save(f"{out_dir}/openpyxl-table-comment-chart.xlsx")

# Formulas as a script writes them: no saved value. Each must be a problem at its cell, never blank.
wb = openpyxl.load_workbook(sample)
posts = wb["Posts"]
posts[f"F{find(posts, 'CO-04')}"] = "=45000*1"
posts[f"H{find(posts, 'EM-01')}"] = "=1-0.03"
settings = wb["Settings"]
settings[f"B{find(settings, 'PSC')}"] = "=0.13"
wb.save(f"{out_dir}/openpyxl-formulas.xlsx")
print(f"Posts!F{find(posts, 'CO-04')} Posts!H{find(posts, 'EM-01')} Settings!B{find(settings, 'PSC')}")
