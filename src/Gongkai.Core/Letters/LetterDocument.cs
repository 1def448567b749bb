using System.Globalization;

namespace Gongkai.Core.Letters;

/// <summary>A seal image (印章) placed over the signature of a letter: PNG or JPEG bytes.</summary>
public sealed record SealImage(byte[] Bytes, string ContentType);

/// <summary>
/// A letter ready to be written as DOCX, HTML or PDF: the title, the 文号, the paragraphs (a first line ending in a
/// full-width colon is the salutation), the signature and date, the seal. A form (送达回证) has rows of label and value.
/// </summary>
public sealed record LetterDocument(
    string Title,
    string? DocumentNumber,
    string CaseNumber,
    IReadOnlyList<string> Paragraphs,
    string Signatory,
    DateOnly Date,
    SealImage? Seal,
    bool IsForm = false)
{
    /// <summary>The date as official documents write it (GB/T 9704-2012: Arabic numerals, 2024年3月5日).</summary>
    public string DateText => ChineseDate(Date);

    public static string ChineseDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>Whether a paragraph is the salutation (the addressee followed by a full-width colon).</summary>
    public bool IsSalutation(int index) => index == 0 && !IsForm && Paragraphs.Count > 0 && Paragraphs[0].EndsWith('：') && Paragraphs[0].Length <= 60;

    /// <summary>A form row split at its first full-width colon: label and value.</summary>
    public static (string Label, string Value) Row(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var colon = paragraph.IndexOf('：', StringComparison.Ordinal);
        return colon < 0 ? (paragraph, string.Empty) : (paragraph[..colon], paragraph[(colon + 1)..]);
    }

    /// <summary>All the text of the letter in reading order, as a person copying it out would get it.</summary>
    public string PlainText() => string.Join('\n', new[] { Title, DocumentNumber ?? string.Empty }.Concat(Paragraphs).Append(Signatory).Append(DateText).Where(s => s.Length > 0));

    /// <summary>Builds the letter from a template and the values of its placeholders.</summary>
    public static LetterDocument Compose(LetterTemplate template, IReadOnlyDictionary<string, string?> values, string? documentNumber, string caseNumber, string signatory, DateOnly date, SealImage? seal)
    {
        ArgumentNullException.ThrowIfNull(template);
        return FromText(template.Kind, template.Title, template.Render(values), documentNumber, caseNumber, signatory, date, seal);
    }

    /// <summary>Builds the letter from its final text (the rendered template as the person issuing it may have edited it).</summary>
    public static LetterDocument FromText(LetterKind kind, string title, string body, string? documentNumber, string caseNumber, string signatory, DateOnly date, SealImage? seal)
    {
        ArgumentNullException.ThrowIfNull(body);
        var paragraphs = LetterTemplate.Flatten(body).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return new LetterDocument(LetterTemplate.Flatten(title), documentNumber, caseNumber, paragraphs, signatory, date, seal, kind.IsForm);
    }
}

/// <summary>How a reply names its legal basis: the catalogue's articles, or the 条例 in general for 其他处理.</summary>
public static class LegalBasis
{
    public static string Text(Cases.DecisionType decision)
    {
        var basis = Cases.DecisionCatalog.Of(decision).LegalBasis;
        return basis == "—" ? "《中华人民共和国政府信息公开条例》的有关规定" : basis;
    }
}

/// <summary>The remedies sentence (行政复议 60 日, 行政诉讼 6 个月) of a written decision.</summary>
public static class Remedies
{
    public static string Text(LetterKind kind, string? reviewBody, string? court)
    {
        var noun = kind.Type == LetterType.Reply ? "答复" : "告知";
        var review = string.IsNullOrWhiteSpace(reviewBody) ? "依法申请行政复议" : $"向{reviewBody.Trim()}申请行政复议";
        var litigation = string.IsNullOrWhiteSpace(court) ? "向人民法院提起行政诉讼" : $"向{court.Trim()}提起行政诉讼";
        return $"如对本{noun}不服，可以自收到本{noun}之日起60日内{review}，或者自收到本{noun}之日起6个月内{litigation}。";
    }
}
