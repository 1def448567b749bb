using Gongkai.Core.Reports;

namespace Gongkai.Core.Publishing;

/// <summary>规章 or 行政规范性文件: the two rows of table 二 （一）.</summary>
public enum NormativeDocumentKind
{
    /// <summary>规章</summary>
    Regulation = 0,

    /// <summary>行政规范性文件</summary>
    NormativeDocument = 1,
}

/// <summary>
/// One document of the register as table 二 （一） counts it: when it was issued (制发, its 印发 date), when it was repealed
/// (废止, null while not repealed), and when it expires (有效期届满, null when it has no term).
/// </summary>
public sealed record RegisteredDocument(NormativeDocumentKind Kind, DateOnly Issued, DateOnly? Repealed, DateOnly? Expires);

/// <summary>
/// The normative-document register's rules (proactive-disclosure.md, "Normative documents"): a document is in force on
/// a day when it was issued by then and was neither repealed nor past its term; table 二 （一） of a year counts the
/// documents issued in the year, those repealed in the year (an expiry is not a repeal: it makes the documents in
/// force drop without a 废止, which is why W2 may legitimately break), and those in force on 31 December.
/// </summary>
public static class NormativeDocumentRules
{
    public static bool InForceOn(RegisteredDocument d, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Issued <= day && (d.Repealed is null || d.Repealed > day) && (d.Expires is null || d.Expires >= day);
    }

    public static DocumentCounts Count(IEnumerable<RegisteredDocument> documents, NormativeDocumentKind kind, int year)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var last = new DateOnly(year, 12, 31);
        long issued = 0, repealed = 0, inForce = 0;
        foreach (var d in documents.Where(d => d.Kind == kind))
        {
            if (d.Issued.Year == year)
            {
                issued++;
            }

            if (d.Repealed is { } r && r.Year == year)
            {
                repealed++;
            }

            if (InForceOn(d, last))
            {
                inForce++;
            }
        }

        return new DocumentCounts(issued, repealed, inForce);
    }
}
