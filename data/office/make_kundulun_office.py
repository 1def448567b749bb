#!/usr/bin/python3
"""Makes the Kundulun 2024 seed report into a Word document and a PDF with LibreOffice, as an agency's office does.

Independent of the product: the tables of data/seeds/kundulun-2024.expected.json are written as an HTML page in the
official layout (captions across the table, 三、本年度办理结果 and the group labels merged down their rows), opened
in LibreOffice Writer, saved as .docx (Word 2007-365), and that .docx exported to PDF (Writer's PDF export, fonts
embedded). The outputs are committed; CI does not need LibreOffice.

    apt-get install libreoffice-writer-nogui fonts-wqy-zenhei
    /usr/bin/python3 data/office/make_kundulun_office.py   # from the repository root

Writes data/office/kundulun-2024-libreoffice.docx and data/office/kundulun-2024-libreoffice.pdf.
"""
import html
import json
import os
import shutil
import subprocess
import tempfile

ROOT = __file__.rsplit("/data/office/", 1)[0]
OUT = f"{ROOT}/data/office"
r = json.load(open(f"{ROOT}/data/seeds/kundulun-2024.expected.json", encoding="utf-8"))
t2, t3, t4 = r["table2"], r["table3"], r["table4"]

ROWS = [  # key, group, label (annual-report.md, 2021 format)
    ("new_received", "", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "", "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果", "（一）予以公开"),
    ("partially_granted", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld_state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("withheld_other_law", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("withheld_three_safeties_one_stability", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("withheld_third_party_rights", "（三）不予公开", "4.保护第三方合法权益"),
    ("withheld_internal_affairs", "（三）不予公开", "5.属于三类内部事务信息"),
    ("withheld_process_info", "（三）不予公开", "6.属于四类过程性信息"),
    ("withheld_law_enforcement_file", "（三）不予公开", "7.属于行政执法案卷"),
    ("withheld_administrative_query", "（三）不予公开", "8.属于行政查询事项"),
    ("unavailable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear_after_correction", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("not_processed_petition_complaint", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed_repeated", "（五）不予处理", "2.重复申请"),
    ("not_processed_publication", "（五）不予处理", "3.要求提供公开出版物"),
    ("not_processed_massive_unreasonable", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("not_processed_confirm_or_reissue", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction_overdue", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_fee_not_paid", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "（六）其他处理", "3.其他"),
    ("total_processed", "", "（七）总计"),
    ("carried_forward", "", "四、结转下年度继续办理"),
]


def td(text, colspan=1, rowspan=1):
    span = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    return f"<td{span}>{html.escape(str(text))}</td>"


def table(rows):
    return "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">" + "".join(f"<tr>{''.join(row)}</tr>" for row in rows) + "</table>"


def p(text):
    return f"<p>{html.escape(text)}</p>"


reg, norm = t2["regulations"], t2["normative_documents"]
table2 = table([
    [td("第二十条第（一）项", 4)],
    [td("信息内容"), td("本年制发件数"), td("本年废止件数"), td("现行有效件数")],
    [td("规章"), td(reg["issued"]), td(reg["repealed"]), td(reg["in_force"])],
    [td("行政规范性文件"), td(norm["issued"]), td(norm["repealed"]), td(norm["in_force"])],
    [td("第二十条第（五）项", 4)],
    [td("信息内容"), td("本年处理决定数量", 3)],
    [td("行政许可"), td(t2["administrative_licensing"], 3)],
    [td("第二十条第（六）项", 4)],
    [td("信息内容"), td("本年处理决定数量", 3)],
    [td("行政处罚"), td(t2["administrative_penalty"], 3)],
    [td("行政强制"), td(t2["administrative_coercion"], 3)],
    [td("第二十条第（八）项", 4)],
    [td("信息内容"), td("本年收费金额（单位：万元）", 3)],
    [td("行政事业性收费"), td(t2["administrative_fees_10k_yuan_text"], 3)],
])

rows3 = [
    [td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), td("申请人情况", 7)],
    [td("自然人", 1, 2), td("法人或其他组织", 5), td("总计", 1, 2)],
    [td("商业企业"), td("科研机构"), td("社会公益组织"), td("法律服务机构"), td("其他")],
]
started = set()
for key, group, label in ROWS:
    head = []
    if key == "granted":
        head = [td(group, 1, 22), td(label, 2)]
    elif key in ("partially_granted", "total_processed"):
        head = [td(label, 2)]
    elif group:
        if group not in started:
            started.add(group)
            head.append(td(group, 1, sum(1 for _, g, _ in ROWS if g == group)))
        head.append(td(label))
    else:
        head = [td(label, 3)]
    rows3.append(head + [td(v) for v in t3[key]])
table3 = table(rows3)

parts = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
table4 = table([
    [td("行政复议", 5), td("行政诉讼", 10)],
    [td(x, 1, 2) for x in parts] + [td("未经复议直接起诉", 5), td("复议后起诉", 5)],
    [td(x) for x in parts * 2],
    [td(v) for v in t4],
])

page = "".join([
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title>",
    "<style>body{font-family:'WenQuanYi Zen Hei';font-size:10.5pt} td{text-align:center}</style></head><body>",
    p(f"{r['agency']}2024年政府信息公开工作年度报告"),
    p("本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。"),
    p("一、总体情况"),
    p("2024年，昆都仑区新收到依申请公开109件，其中105件已完成答复，剩余4件结转下年度继续办理。"),
    p("二、主动公开政府信息情况"), table2,
    p("三、收到和处理政府信息公开申请情况"), table3,
    p("四、政府信息公开行政复议、行政诉讼情况"), table4,
    p("五、存在的主要问题及改进情况"),
    p("一是个别部门年度报告内容格式不规范；二是信息公开的时效性有待加强。"),
    p("六、其他需要报告的事项"),
    p("本年度未收取信息处理费。"),
    "</body></html>",
])

soffice = shutil.which("soffice") or shutil.which("libreoffice")
with tempfile.TemporaryDirectory() as tmp:
    source = os.path.join(tmp, "kundulun-2024-libreoffice.html")
    open(source, "w", encoding="utf-8").write(page)
    env = dict(os.environ, HOME=tmp)
    subprocess.run([soffice, "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", OUT, source],
                   check=True, env=env, capture_output=True)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", OUT, f"{OUT}/kundulun-2024-libreoffice.docx"],
                   check=True, env=env, capture_output=True)
print(f"wrote {OUT}/kundulun-2024-libreoffice.docx and .pdf")
