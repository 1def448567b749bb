using Gongkai.Core.Cases;

namespace Gongkai.Core.Letters;

/// <summary>The document types an application produces (文书类型).</summary>
public enum LetterType
{
    /// <summary>受理回执</summary>
    Receipt,

    /// <summary>补正告知书 (条例第三十条)</summary>
    CorrectionNotice,

    /// <summary>延期答复告知书 (条例第三十三条)</summary>
    ExtensionNotice,

    /// <summary>征求意见函 to a third party or a co-maker (条例第三十二条、第三十四条)</summary>
    ConsultationLetter,

    /// <summary>收费通知书 (条例第四十二条，国办函〔2020〕109号)</summary>
    FeeNotice,

    /// <summary>答复书 / 告知书 of one decision type (条例第三十六条 and neighbours)</summary>
    Reply,

    /// <summary>送达回证</summary>
    ServiceCertificate,
}

/// <summary>
/// One kind of letter: its type and, for a reply, the decision it answers with. The <see cref="Key"/> ("Reply.NotHeld")
/// names its template.
/// </summary>
public readonly record struct LetterKind
{
    public LetterKind(LetterType type, DecisionType? decision = null)
    {
        if ((type == LetterType.Reply) != decision.HasValue)
        {
            throw new ArgumentException("A reply letter names its decision type; other letters do not.", nameof(decision));
        }

        Type = type;
        Decision = decision;
    }

    public LetterType Type { get; }

    public DecisionType? Decision { get; }

    public string Key => Decision is { } d ? $"{Type}.{d}" : Type.ToString();

    /// <summary>Addressed to the applicant (shown on the tracking page); a consultation letter goes to the third party and the 送达回证 stays in the file.</summary>
    public bool ToApplicant => Type is not (LetterType.ConsultationLetter or LetterType.ServiceCertificate);

    /// <summary>Whether it is issued under a 文号 (the receipt and the 送达回证 carry the case number only).</summary>
    public bool Numbered => Type is not (LetterType.Receipt or LetterType.ServiceCertificate);

    /// <summary>Whether it is a written decision (告知书/答复书) that must state the remedies.</summary>
    public bool StatesRemedies => Type is LetterType.CorrectionNotice or LetterType.ExtensionNotice or LetterType.FeeNotice or LetterType.Reply;

    /// <summary>A form laid out as a two-column table (标签：内容 per line) rather than a letter.</summary>
    public bool IsForm => Type == LetterType.ServiceCertificate;

    public string Name => Type switch
    {
        LetterType.Receipt => "受理回执",
        LetterType.CorrectionNotice => "补正告知书",
        LetterType.ExtensionNotice => "延期答复告知书",
        LetterType.ConsultationLetter => "征求意见函",
        LetterType.FeeNotice => "收费通知书",
        LetterType.Reply => "答复书（" + DecisionCatalog.Of(Decision!.Value).Name + "）",
        LetterType.ServiceCertificate => "送达回证",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Every kind: the six notices and one reply per decision type.</summary>
    public static IReadOnlyList<LetterKind> All { get; } =
    [
        new(LetterType.Receipt),
        new(LetterType.CorrectionNotice),
        new(LetterType.ExtensionNotice),
        new(LetterType.ConsultationLetter),
        new(LetterType.FeeNotice),
        .. DecisionCatalog.All.Select(d => new LetterKind(LetterType.Reply, d.Type)),
        new(LetterType.ServiceCertificate),
    ];

    public static bool TryParse(string? key, out LetterKind kind)
    {
        kind = default;
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var typeText = dot < 0 ? key : key[..dot];
        if (!Enum.TryParse<LetterType>(typeText, out var type) || !Enum.IsDefined(type) || typeText.Any(char.IsDigit))
        {
            return false;
        }

        if (type == LetterType.Reply)
        {
            if (dot < 0 || !Enum.TryParse<DecisionType>(key[(dot + 1)..], out var decision) || !Enum.IsDefined(decision) || key[(dot + 1)..].Any(char.IsDigit))
            {
                return false;
            }

            kind = new LetterKind(type, decision);
            return true;
        }

        if (dot >= 0)
        {
            return false;
        }

        kind = new LetterKind(type);
        return true;
    }

    public override string ToString() => Key;
}
