using System.Net;
using System.Text;
using Gongkai.Core.Letters;

namespace Gongkai.Documents;

/// <summary>
/// Writes a letter as one self-contained HTML page (styles inline, the seal as a data URI, nothing fetched) laid out
/// on A4 like the DOCX. Browsers print it; <see cref="ChromiumPdfRenderer"/> turns it into the PDF. Every value is
/// HTML-encoded and a content security policy forbids scripts and remote loads.
/// </summary>
public static class HtmlLetterWriter
{
    public static string Write(LetterDocument letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">")
          .Append("<title>").Append(E(letter.Title)).Append("</title><style>")
          .Append(Css)
          .Append("</style></head><body><main class=\"letter\">");
        sb.Append("<h1>").Append(E(letter.Title)).Append("</h1>");
        if (letter.DocumentNumber is { } number)
        {
            sb.Append("<p class=\"number\">").Append(E(number)).Append("</p>");
        }

        if (letter.IsForm)
        {
            sb.Append("<table class=\"form\"><tbody>");
            foreach (var p in letter.Paragraphs)
            {
                var (label, value) = LetterDocument.Row(p);
                sb.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }
        else
        {
            for (var i = 0; i < letter.Paragraphs.Count; i++)
            {
                sb.Append(letter.IsSalutation(i) ? "<p class=\"to\">" : "<p>").Append(E(letter.Paragraphs[i])).Append("</p>");
            }
        }

        sb.Append("<div class=\"signature\"><p>").Append(E(letter.Signatory)).Append("</p><p>").Append(E(letter.DateText)).Append("</p>");
        if (letter.Seal is { } seal)
        {
            sb.Append("<img class=\"seal\" alt=\"").Append(E(letter.Signatory)).Append("印章\" src=\"data:")
              .Append(seal.ContentType == "image/jpeg" ? "image/jpeg" : "image/png").Append(";base64,")
              .Append(Convert.ToBase64String(seal.Bytes)).Append("\">");
        }

        sb.Append("</div></main></body></html>");
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css =
        "@page{size:A4;margin:37mm 26mm 35mm 28mm}" +
        "html{background:#fff;color:#000}" +
        "body{margin:0;font-family:\"FangSong\",\"FangSong_GB2312\",\"仿宋\",\"STFangsong\",\"WenQuanYi Zen Hei\",\"Noto Serif CJK SC\",serif;font-size:16pt;line-height:28pt}" +
        ".letter{max-width:156mm;margin:0 auto}" +
        "h1{font-family:\"FZXiaoBiaoSong-B05S\",\"方正小标宋简体\",\"SimSun\",\"WenQuanYi Zen Hei\",\"Noto Serif CJK SC\",serif;font-size:22pt;line-height:1.5;font-weight:normal;text-align:center;margin:0 0 8pt}" +
        ".number{text-align:center;margin:0 0 24pt}" +
        "p{margin:0;text-indent:2em;text-align:justify;overflow-wrap:anywhere}" +
        "p.to,.number,.signature p{text-indent:0}" +
        ".signature{position:relative;margin:28pt 2em 0 auto;width:max-content;text-align:center}" +
        ".seal{position:absolute;width:42mm;height:42mm;left:50%;top:50%;transform:translate(-50%,-50%);opacity:.9}" +
        "table.form{width:100%;border-collapse:collapse;margin:0 0 12pt}" +
        "table.form th,table.form td{border:1px solid #000;padding:6pt 8pt;height:36pt;vertical-align:middle;font-weight:normal;overflow-wrap:anywhere}" +
        "table.form th{width:28%;text-align:center}";
}
