using Gongkai.Core.Common;
using Gongkai.Core.Letters;
using UglyToad.PdfPig;

namespace Gongkai.Documents.Tests;

public sealed class PdfLetterTests
{
    [ChromiumFact]
    public async Task All_kinds_in_one_run_print_to_pdf_whose_text_can_be_copied_back()
    {
        var renderer = new ChromiumPdfRenderer(new PdfOptions { Chromium = ChromiumPdf.Browser!, MaxConcurrent = 2 });
        var kinds = LetterKind.All.ToList();

        var pdfs = await Task.WhenAll(kinds.Select(async k => (Kind: k, Pdf: await renderer.RenderAsync(HtmlLetterWriter.Write(LetterSamples.Compose(k))))));

        foreach (var (kind, pdf) in pdfs)
        {
            using var doc = PdfDocument.Open(pdf);
            var text = LetterSamples.Squeeze(string.Concat(doc.GetPages().Select(p => p.Text)));
            Assert.Contains(LetterSamples.Squeeze(LetterSamples.CaseNumber), text, StringComparison.Ordinal);
            Assert.Contains(LetterSamples.Squeeze(DefaultLetterTemplates.For(kind).Title), text, StringComparison.Ordinal);
            if (kind.Decision is { } decision)
            {
                Assert.Contains(LetterSamples.Squeeze(Core.Cases.DecisionCatalog.Of(decision).Name), text, StringComparison.Ordinal);
            }

            if (kind.StatesRemedies)
            {
                Assert.Contains("60日内向包头市人民政府申请行政复议", text, StringComparison.Ordinal);
                Assert.Contains("6个月内向包头市昆都仑区人民法院提起行政诉讼", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Without_chromium_the_renderer_says_what_to_install()
    {
        var renderer = new ChromiumPdfRenderer(new PdfOptions { Chromium = "/nonexistent/chromium" });

        Assert.False(renderer.Availability.Available);
        var e = await Assert.ThrowsAsync<DomainException>(() => renderer.RenderAsync("<p>x</p>"));
        Assert.Equal(ChromiumPdfRenderer.UnavailableCode, e.Code);
        Assert.Contains("apt-get install chromium fonts-wqy-zenhei", e.Message, StringComparison.Ordinal);
        Assert.Contains("Word（DOCX）版本不受影响", e.Message, StringComparison.Ordinal);
    }
}
