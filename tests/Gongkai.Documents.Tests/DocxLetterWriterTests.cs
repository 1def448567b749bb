using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Gongkai.Core.Letters;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Tests;

public sealed class DocxLetterWriterTests
{
    public static TheoryData<string> Kinds => [.. LetterKind.All.Select(k => k.Key)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_a_valid_word_document_whose_text_reads_back(string key)
    {
        Assert.True(LetterKind.TryParse(key, out var kind));
        var letter = LetterSamples.Compose(kind);

        var bytes = DocxLetterWriter.Write(letter);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = LetterSamples.Squeeze(string.Concat(doc.MainDocumentPart!.Document!.Descendants<W.Text>().Select(t => t.Text)));
        Assert.Contains(LetterSamples.Squeeze(LetterSamples.CaseNumber), text, StringComparison.Ordinal);
        Assert.Contains(letter.Title, text, StringComparison.Ordinal);
        Assert.Contains("2024年3月20日", text, StringComparison.Ordinal);
        if (kind.Numbered)
        {
            Assert.Contains("昆政公开〔2024〕12号", text, StringComparison.Ordinal);
        }

        if (kind.Decision is { } decision)
        {
            Assert.Contains(LetterSamples.Squeeze(Core.Cases.DecisionCatalog.Of(decision).Name), text, StringComparison.Ordinal);
            Assert.Contains(LetterSamples.Squeeze(Core.Cases.DecisionCatalog.Of(decision).LegalBasis == "—" ? "《中华人民共和国政府信息公开条例》" : Core.Cases.DecisionCatalog.Of(decision).LegalBasis), text, StringComparison.Ordinal);
        }

        if (kind.StatesRemedies)
        {
            Assert.Contains("60日内向包头市人民政府申请行政复议", text, StringComparison.Ordinal);
            Assert.Contains("6个月内向包头市昆都仑区人民法院提起行政诉讼", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("（无）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seal_is_embedded_as_a_picture_over_the_signature()
    {
        var bytes = DocxLetterWriter.Write(LetterSamples.Compose(new LetterKind(LetterType.Reply, Core.Cases.DecisionType.Disclosed)));

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var image = Assert.Single(doc.MainDocumentPart!.ImageParts);
        using var stream = image.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(LetterSamples.Seal, copy.ToArray());
        var signature = doc.MainDocumentPart.Document!.Body!.Elements<W.Paragraph>().Single(p => string.Concat(p.Descendants<W.Text>().Select(t => t.Text)) == "包头市昆都仑区人民政府");
        Assert.NotNull(signature.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Anchor>().SingleOrDefault());
    }

    [Fact]
    public void Without_a_seal_there_is_no_picture()
    {
        var bytes = DocxLetterWriter.Write(LetterSamples.Compose(new LetterKind(LetterType.Receipt), seal: false));

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(doc.MainDocumentPart!.ImageParts);
    }

    [Fact]
    public void Hostile_text_is_kept_as_text()
    {
        var kind = new LetterKind(LetterType.Reply, Core.Cases.DecisionType.NotHeld);
        var values = LetterSamples.Values(kind);
        values["申请内容"] = "<script>alert(1)</script>]]>&amp;\u0000{申请人}";
        var letter = LetterDocument.Compose(DefaultLetterTemplates.For(kind), values, "昆政公开〔2024〕12号", LetterSamples.CaseNumber, "包头市昆都仑区人民政府", new DateOnly(2024, 3, 20), null);

        var docx = DocxLetterWriter.Write(letter);
        var html = HtmlLetterWriter.Write(letter);

        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = string.Concat(doc.MainDocumentPart!.Document!.Descendants<W.Text>().Select(t => t.Text));
        Assert.Contains("<script>alert(1)</script>]]>&amp;{申请人}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_certificate_is_a_table_of_labels_and_values()
    {
        var bytes = DocxLetterWriter.Write(LetterSamples.Compose(new LetterKind(LetterType.ServiceCertificate)));

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var rows = doc.MainDocumentPart!.Document!.Descendants<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "送达文书" && r[1] == "政府信息公开申请答复书（昆政公开〔2024〕12号）");
        Assert.Contains(rows, r => r[0] == "受送达人签收" && r[1].Length == 0);
    }
}
