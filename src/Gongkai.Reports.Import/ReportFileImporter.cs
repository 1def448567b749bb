using System.Text;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;

namespace Gongkai.Reports.Import;

/// <summary>What a file holding a published report is.</summary>
public enum ReportFileKind
{
    /// <summary>Plain text or markdown.</summary>
    Text = 0,

    Html = 1,

    /// <summary>Office Open XML word-processing document (.docx).</summary>
    Docx = 2,

    /// <summary>PDF with a text layer.</summary>
    Pdf = 3,

    /// <summary>A binary the readers do not know (.doc, .wps, images, archives).</summary>
    Unsupported = 4,
}

/// <summary>
/// The one entry point for a report file (CLI <c>report import</c>, the upload form): recognises the kind by content
/// (and by name when the content is ambiguous), decodes text as UTF-8 or, when that fails, GB18030 (which covers the
/// GBK and GB2312 pages many government sites still serve), and hands it to the matching reader.
/// </summary>
public static class ReportFileImporter
{
    public const string UnsupportedCode = "report.unsupported_format";

    static ReportFileImporter()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static ReportEnvelope Import(byte[] content, string? fileName = null, ReportImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        switch (Detect(content, fileName))
        {
            case ReportFileKind.Docx:
                using (var stream = new MemoryStream(content, writable: false))
                {
                    return DocxReportReader.Import(stream, options);
                }

            case ReportFileKind.Html:
                return HtmlReportReader.Import(Decode(content), options);
            case ReportFileKind.Text:
                return TextReportImporter.Import(Decode(content), options);
            case ReportFileKind.Pdf:
                return PdfReportReader.Import(content, options);
            default:
                throw new DomainException(UnsupportedCode, "无法识别的文件格式：支持网页（HTML）、Word（.docx）、PDF（含文字层）、纯文本和 Markdown。旧版 .doc、.wps 请另存为 .docx。");
        }
    }

    public static ReportFileKind Detect(ReadOnlySpan<byte> content, string? fileName)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return ReportFileKind.Pdf;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return content.IndexOf("word/"u8) >= 0 || (fileName?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ?? false)
                ? ReportFileKind.Docx
                : ReportFileKind.Unsupported;
        }

        // OLE compound files (.doc, .wps, .xls) and other binaries: NUL bytes do not occur in text.
        if (content.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }) || content[..Math.Min(content.Length, 4096)].IndexOf((byte)0) >= 0)
        {
            return ReportFileKind.Unsupported;
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        if (extension is ".HTML" or ".HTM" or ".SHTML" or ".XHTML")
        {
            return ReportFileKind.Html;
        }

        var head = Encoding.ASCII.GetString(content[..Math.Min(content.Length, 2048)]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToUpperInvariant();
        return head.StartsWith("<!DOCTYPE HTML", StringComparison.Ordinal) || head.StartsWith("<HTML", StringComparison.Ordinal)
            || head.Contains("<TABLE", StringComparison.Ordinal) || head.Contains("<BODY", StringComparison.Ordinal)
            ? ReportFileKind.Html
            : ReportFileKind.Text;
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.</summary>
    public static string Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }

        if (content.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }

        var skip = content.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }
}
