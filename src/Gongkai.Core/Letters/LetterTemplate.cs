using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Common;

namespace Gongkai.Core.Letters;

/// <summary>One placeholder a template may use: its Chinese name (as written in the template) and what it holds.</summary>
public sealed record LetterField(string Name, string Description, IReadOnlySet<LetterType>? OnlyFor = null)
{
    public bool AppliesTo(LetterKind kind) => OnlyFor is null || OnlyFor.Contains(kind.Type);
}

/// <summary>
/// A letter template: a title and a body of plain text, one paragraph per line, with placeholders in braces
/// ({申请人}, {受理编号}…). The letterhead, 文号, signature, date and seal are laid out by the document writers, not
/// written in the template. Values are inserted as plain text, never as markup.
/// </summary>
public sealed partial record LetterTemplate(LetterKind Kind, string Title, string Body)
{
    public const int MaxTitleLength = 60;
    public const int MaxBodyLength = 8000;

    /// <summary>The placeholders, in the order the editor lists them.</summary>
    public static IReadOnlyList<LetterField> Fields { get; } =
    [
        new("机关名称", "作出文书的行政机关"),
        new("工作机构", "政府信息公开工作机构名称"),
        new("办公地址", "工作机构地址"),
        new("联系电话", "工作机构电话"),
        new("申请人", "申请人姓名或名称"),
        new("受理编号", "申请的受理编号"),
        new("文号", "本文书的文号（受理回执、送达回证无文号）"),
        new("申请日期", "申请到达本机关的日期"),
        new("收到申请日期", "收到申请之日（条例第三十一条）"),
        new("申请内容", "申请获取的政府信息的描述"),
        new("答复截止日", "当前的答复期限"),
        new("落款日期", "文书出具日期"),
        new("补正事项", "需要补正的事项", Set(LetterType.CorrectionNotice)),
        new("补正期限", "补正的截止日期", Set(LetterType.CorrectionNotice)),
        new("延长工作日", "延长的工作日数", Set(LetterType.ExtensionNotice)),
        new("延期理由", "延期答复的理由", Set(LetterType.ExtensionNotice)),
        new("被征求意见方", "第三方或共同制作机关", Set(LetterType.ConsultationLetter)),
        new("征求意见依据", "条例第三十二条或第三十四条", Set(LetterType.ConsultationLetter)),
        new("回复期限", "被征求意见方收到函后 15 个工作日", Set(LetterType.ConsultationLetter)),
        new("收费方式", "按件计收或按量计收", Set(LetterType.FeeNotice)),
        new("收费依据", "计收的依据（第几件申请或页数）", Set(LetterType.FeeNotice)),
        new("收费金额", "应缴金额（元）", Set(LetterType.FeeNotice)),
        new("缴费期限", "缴费截止日期", Set(LetterType.FeeNotice)),
        new("决定", "答复类型", Set(LetterType.Reply)),
        new("法律依据", "答复的法律依据", Set(LetterType.Reply)),
        new("答复内容", "承办人填写的答复内容", Set(LetterType.Reply)),
        new("掌握机关", "掌握该信息的机关（不掌握时告知）", Set(LetterType.Reply)),
        new("送达文书", "送达的文书名称和文号", Set(LetterType.ServiceCertificate)),
        new("送达方式", "送达方式", Set(LetterType.ServiceCertificate)),
        new("送达地址", "受送达人地址", Set(LetterType.ServiceCertificate)),
        new("救济途径", "行政复议和行政诉讼的途径和期限"),
    ];

    private static readonly Dictionary<string, LetterField> ByName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Checks a template as an administrator saves it; every problem in one exception, in Chinese.</summary>
    public static LetterTemplate Validated(LetterKind kind, string? title, string? body)
    {
        var errors = new Dictionary<string, string>();
        var t = (title ?? string.Empty).Trim();
        var b = Normalise(body);
        if (t.Length == 0)
        {
            errors["Title"] = "请填写文书标题。";
        }
        else if (t.Length > MaxTitleLength || t.Contains('{', StringComparison.Ordinal) || t.Contains('}', StringComparison.Ordinal))
        {
            errors["Title"] = $"文书标题不能超过 {MaxTitleLength} 个字，且不能含占位符。";
        }

        var bodyErrors = new List<string>();
        if (b.Length == 0)
        {
            bodyErrors.Add("请填写正文。");
        }
        else if (b.Length > MaxBodyLength)
        {
            bodyErrors.Add($"正文不能超过 {MaxBodyLength} 个字。");
        }

        if (Unbalanced(b))
        {
            bodyErrors.Add("正文中的花括号不成对：花括号只用于占位符，如 {申请人}。");
        }

        var used = Placeholders(b).ToList();
        var unknown = used.Where(n => !ByName.ContainsKey(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            bodyErrors.Add($"未知的占位符：{string.Join("、", unknown.Select(n => "{" + n + "}"))}。可用的占位符见编辑页右侧列表。");
        }

        var misplaced = used.Where(n => ByName.TryGetValue(n, out var f) && !f.AppliesTo(kind)).Distinct().ToList();
        if (misplaced.Count > 0)
        {
            bodyErrors.Add($"{kind.Name}不能使用占位符：{string.Join("、", misplaced.Select(n => "{" + n + "}"))}。");
        }

        foreach (var required in Required(kind).Where(r => !used.Contains(r)))
        {
            bodyErrors.Add($"{kind.Name}必须含有 {{{required}}}。");
        }

        if (bodyErrors.Count > 0)
        {
            errors["Body"] = string.Join(string.Empty, bodyErrors);
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : new LetterTemplate(kind, t, b);
    }

    /// <summary>What the law requires a kind to state: the case, and for written decisions the legal basis and the remedies.</summary>
    public static IEnumerable<string> Required(LetterKind kind)
    {
        yield return "受理编号";
        if (kind.Type == LetterType.Reply)
        {
            yield return "决定";
            yield return "法律依据";
        }

        if (kind.StatesRemedies)
        {
            yield return "救济途径";
        }
    }

    /// <summary>The body with every placeholder replaced by its value (a missing value leaves 「（无）」).</summary>
    public string Render(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return PlaceholderPattern().Replace(Body, m =>
        {
            var name = m.Groups[1].Value;
            return values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? Flatten(v) : "（无）";
        });
    }

    /// <summary>The rendered title (titles hold no placeholders).</summary>
    public static IEnumerable<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Line endings unified, trailing spaces and blank runs removed.</summary>
    public static string Normalise(string? body)
    {
        var lines = (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => l.TrimEnd())
            .ToList();
        var sb = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                blank = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
                if (blank)
                {
                    sb.Append('\n');
                }
            }

            sb.Append(line);
            blank = false;
        }

        return sb.ToString();
    }

    /// <summary>A value as letter text: line breaks unified, and characters no document format can hold (control
    /// characters, lone surrogates, U+FFFE/U+FFFF) dropped.</summary>
    public static string Flatten(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c == '\n' || c == '\t' || (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF')))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }

    private static bool Unbalanced(string text)
    {
        var depth = 0;
        foreach (var ch in text)
        {
            if (ch == '{')
            {
                if (++depth > 1)
                {
                    return true;
                }
            }
            else if (ch == '}' && --depth < 0)
            {
                return true;
            }
        }

        return depth != 0;
    }

    private static HashSet<LetterType> Set(params LetterType[] types) => [.. types];

    [GeneratedRegex(@"\{([^{}\s]{1,20})\}")]
    private static partial Regex PlaceholderPattern();
}
