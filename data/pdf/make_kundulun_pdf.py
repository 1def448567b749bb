#!/usr/bin/python3
"""Renders the Kundulun 2024 seed report as a text-layer PDF laid out like an agency's WPS export.

Independent of the product (reportlab, not PdfPig): cell borders, a group label cell spanning its rows and wrapped
into a narrow column, long row labels wrapped over two lines with the numbers vertically centred, table 三 split
across two pages with a page footer and the header repeated, paragraphs wrapped at the page width.

    apt-get install python3-reportlab fonts-droid-fallback opencc
    /usr/bin/python3 data/pdf/make_kundulun_pdf.py   # from the repository root

Writes data/pdf/kundulun-2024-wps-like.pdf (the fixture the PDF reader's tests read).
"""
import json
import subprocess
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = __file__.rsplit("/data/pdf/", 1)[0]
pdfmetrics.registerFont(TTFont("CJK", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))
report = json.load(open(f"{ROOT}/data/seeds/kundulun-2024.expected.json", encoding="utf-8"))
scraped = subprocess.run(["opencc", "-c", "t2s", "-i", f"{ROOT}/data/seeds/kundulun-2024-scraped.txt"],
                         capture_output=True, text=True, check=True).stdout
W, H = A4
SIZE = 9
c = canvas.Canvas(f"{ROOT}/data/pdf/kundulun-2024-wps-like.pdf", pagesize=A4, invariant=1)
c.setTitle("包头市昆都仑区2024年政府信息公开工作年度报告")
page_no = [1]
y = [H - 60]


def text(s, x, yy, size=SIZE):
    """Mixed text: ASCII in Helvetica (the CJK font has no Latin glyphs), the rest in the CJK font."""
    i = 0
    while i < len(s):
        ascii_run = ord(s[i]) < 128
        j = i
        while j < len(s) and (ord(s[j]) < 128) == ascii_run:
            j += 1
        font = "Helvetica" if ascii_run else "CJK"
        c.setFont(font, size)
        c.drawString(x, yy, s[i:j])
        x += pdfmetrics.stringWidth(s[i:j], font, size)
        i = j


def width(s, size=SIZE):
    return sum(pdfmetrics.stringWidth(ch, "Helvetica" if ord(ch) < 128 else "CJK", size) for ch in s)


def wrap(s, max_width, size=SIZE):
    lines, cur = [], ""
    for ch in s:
        if width(cur + ch, size) > max_width:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    return lines + ([cur] if cur else [])


def new_page():
    text(f"— {page_no[0]} —", W / 2 - 12, 30)
    c.showPage()
    page_no[0] += 1
    y[0] = H - 60


def need(h):
    if y[0] - h < 60:
        new_page()


def paragraph(s, size=SIZE, indent=0):
    for line in wrap(s, W - 100 - indent, size):
        need(size + 5)
        text(line, 50 + indent, y[0], size)
        y[0] -= size + 5


def cell_row(cells, height, cols):
    """cells: list of (text, col_index) or (lines, col_index); cols: x positions of column borders."""
    top = y[0]
    bottom = top - height
    c.setLineWidth(0.5)
    c.line(cols[0], bottom, cols[-1], bottom)
    c.line(cols[0], top, cols[-1], top)
    for x in cols:
        c.line(x, bottom, x, top)
    mid = (top + bottom) / 2 - SIZE / 3
    for content, col in cells:
        lines = content if isinstance(content, list) else [content]
        x0, x1 = cols[col], cols[col + 1]
        for k, line in enumerate(lines):
            yy = mid + (len(lines) - 1) * (SIZE / 2 + 0.5) - k * (SIZE + 1)
            x = (x0 + x1) / 2 - width(line) / 2 if col >= 2 else x0 + 3
            text(line, x, yy)
    y[0] = bottom


def section(name):
    start = scraped.index(name)
    rest = scraped[start + len(name):]
    ends = [rest.find(h) for h in ("二、主动公开政府信息情况", "六、其他需要报告的事项") if rest.find(h) >= 0]
    return rest[: min(ends)] if ends else rest


lines = scraped.split("\n")
text("包头市昆都仑区2024年政府信息公开工作年度报告", 150, y[0], 14)
y[0] -= 30
paragraph(lines[3].strip(), indent=18)
paragraph("一、总体情况", 11)
for para in section("一、总体情况").strip().split("\n"):
    paragraph(para.strip(), indent=18)

# table 二
need(200)
paragraph("二、主动公开政府信息情况", 11)
t2 = report["table2"]
cols = [50, 200, 315, 430, 545]
cell_row([("第二十条第（一）项", 0)], 16, [50, 545])
cell_row([("信息内容", 0), ("本年制发件数", 1), ("本年废止件数", 2), ("现行有效件数", 3)], 16, cols)
for key, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
    v = t2[key]
    cell_row([(label, 0), (str(v["issued"]), 1), (str(v["repealed"]), 2), (str(v["in_force"]), 3)], 16, cols)
for caption, rows in (("第二十条第（五）项", [("行政许可", t2["administrative_licensing"])]),
                      ("第二十条第（六）项", [("行政处罚", t2["administrative_penalty"]), ("行政强制", t2["administrative_coercion"])]),
                      ("第二十条第（八）项", [("行政事业性收费", t2["administrative_fees_10k_yuan_text"])])):
    cell_row([(caption, 0)], 16, [50, 545])
    cell_row([("信息内容", 0), ("本年处理决定数量" if "八" not in caption else "本年收费金额（单位：万元）", 1)], 16, [50, 200, 545])
    for label, value in rows:
        cell_row([(label, 0), (str(value), 1)], 16, [50, 200, 545])
y[0] -= 12

# table 三
new_page()
paragraph("三、收到和处理政府信息公开申请情况", 11)
cols3 = [40, 80, 270, 310, 350, 390, 430, 470, 510, 550]
header = [(["（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）"], 0), ("自然人", 2), ("商业企业", 3), ("科研机构", 4),
          (["社会公", "益组织"], 5), (["法律服", "务机构"], 6), ("其他", 7), ("总计", 8)]


def header_row():
    cell_row([(h[0], 1 if h[1] == 0 else h[1]) for h in header], 26, cols3)


header_row()
groups = {"withheld": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理", "other": "（六）其他处理"}
labels = {
    "new_received": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开", "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld_state_secret": "1.属于国家秘密", "withheld_other_law": "2.其他法律行政法规禁止公开",
    "withheld_three_safeties_one_stability": "3.危及“三安全一稳定”", "withheld_third_party_rights": "4.保护第三方合法权益",
    "withheld_internal_affairs": "5.属于三类内部事务信息", "withheld_process_info": "6.属于四类过程性信息",
    "withheld_law_enforcement_file": "7.属于行政执法案卷", "withheld_administrative_query": "8.属于行政查询事项",
    "unavailable_not_held": "1.本机关不掌握相关政府信息", "unavailable_needs_creation": "2.没有现成信息需要另行制作",
    "unavailable_unclear_after_correction": "3.补正后申请内容仍不明确", "not_processed_petition_complaint": "1.信访举报投诉类申请",
    "not_processed_repeated": "2.重复申请", "not_processed_publication": "3.要求提供公开出版物",
    "not_processed_massive_unreasonable": "4.无正当理由大量反复申请", "not_processed_confirm_or_reissue": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction_overdue": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_fee_not_paid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他", "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理",
}
printed_group = set()
for i, (key, values) in enumerate(report["table3"].items()):
    label = labels[key]
    group = next((g for prefix, g in groups.items() if key.startswith(prefix + "_")), None)
    label_lines = wrap(label, cols3[2] - cols3[1] - 6)
    height = 16 if len(label_lines) == 1 else 26
    if i == 12:  # page break inside the table: footer, new page, repeated header
        new_page()
        header_row()
    cells = [(label_lines, 1)] + [(str(v), 2 + k) for k, v in enumerate(values)]
    if group and group not in printed_group:
        printed_group.add(group)
        # the group label wrapped into the narrow first column (a vertical label in effect)
        cells.append((wrap(group, cols3[1] - cols3[0] - 6), 0))
    cell_row(cells, height, cols3)
y[0] -= 12

# table 四
need(120)
paragraph("四、政府信息公开行政复议、行政诉讼情况", 11)
cols4 = [40 + k * 34 for k in range(16)]
cell_row([("行政复议", 0), ("行政诉讼", 1)], 16, [cols4[0], cols4[5], cols4[15]])
cell_row([("未经复议直接起诉", 1), ("复议后起诉", 2)], 16, [cols4[0], cols4[5], cols4[10], cols4[15]])
parts = [["结果", "维持"], ["结果", "纠正"], ["其他", "结果"], ["尚未", "审结"], ["总计"]]
cell_row([(parts[k % 5], k) for k in range(15)], 26, cols4)
cell_row([(str(v), k) for k, v in enumerate(report["table4"])], 16, cols4)
y[0] -= 12

paragraph("五、存在的主要问题及改进情况", 11)
for para in section("五、存在的主要问题及改进情况").strip().split("\n"):
    paragraph(para.strip(), indent=18)
paragraph("六、其他需要报告的事项", 11)
paragraph(scraped[scraped.index("六、其他需要报告的事项") + len("六、其他需要报告的事项"):].strip(), indent=18)
text(f"— {page_no[0]} —", W / 2 - 12, 30)
c.save()
