using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Import;

/// <summary>
/// Makes a published report's text comparable with the national format's labels, in this order:
/// pinyin annotations after a character are removed (區(qū) → 區); CJK radicals, Kangxi radicals and compatibility
/// ideographs become unified ideographs (⼈⺠ → 人民); full-width ASCII becomes ASCII (１２ → 12) while Chinese
/// punctuation stays; non-breaking and ideographic spaces become spaces; traditional becomes simplified (OpenCC t2s).
/// </summary>
public static partial class TextNormalizer
{
    // CJK Radicals Supplement forms that stand for a whole character (Unicode gives them no NFKC mapping).
    private static readonly FrozenDictionary<char, char> RadicalSupplement = new Dictionary<char, char>
    {
        ['⺁'] = '厂',
        ['⺇'] = '几',
        ['⺊'] = '卜',
        ['⺌'] = '小',
        ['⺍'] = '小',
        ['⺗'] = '心',
        ['⺝'] = '月',
        ['⺠'] = '民',
        ['⺟'] = '母',
        ['⺢'] = '水',
        ['⺣'] = '火',
        ['⺤'] = '爪',
        ['⺥'] = '爪',
        ['⺧'] = '牛',
        ['⺨'] = '犬',
        ['⺩'] = '王',
        ['⺫'] = '目',
        ['⺬'] = '示',
        ['⺮'] = '竹',
        ['⺯'] = '糸',
        ['⺰'] = '纟',
        ['⺶'] = '羊',
        ['⺷'] = '羊',
        ['⺸'] = '羊',
        ['⺹'] = '老',
        ['⺼'] = '肉',
        ['⺽'] = '臼',
        ['⺾'] = '艹',
        ['⻁'] = '虎',
        ['⻂'] = '衣',
        ['⻃'] = '西',
        ['⻄'] = '西',
        ['⻅'] = '见',
        ['⻆'] = '角',
        ['⻇'] = '角',
        ['⻈'] = '讠',
        ['⻉'] = '贝',
        ['⻊'] = '足',
        ['⻋'] = '车',
        ['⻏'] = '阝',
        ['⻐'] = '钅',
        ['⻑'] = '長',
        ['⻓'] = '长',
        ['⻔'] = '门',
        ['⻖'] = '阝',
        ['⻗'] = '雨',
        ['⻘'] = '青',
        ['⻙'] = '韦',
        ['⻚'] = '页',
        ['⻛'] = '风',
        ['⻜'] = '飞',
        ['⻝'] = '食',
        ['⻞'] = '食',
        ['⻠'] = '饣',
        ['⻢'] = '马',
        ['⻣'] = '骨',
        ['⻤'] = '鬼',
        ['⻥'] = '鱼',
        ['⻦'] = '鸟',
        ['⻧'] = '卤',
        ['⻨'] = '麦',
        ['⻩'] = '黄',
        ['⻪'] = '黾',
        ['⻬'] = '齐',
        ['⻮'] = '齿',
        ['⻰'] = '龙',
        ['⻱'] = '龟',
        ['⻲'] = '龟',
    }.ToFrozenDictionary();

    /// <summary>The full normalisation (see the type's summary).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unannotated = StripPinyin(text);
        var sb = new StringBuilder(unannotated.Length);
        for (var i = 0; i < unannotated.Length; i++)
        {
            var c = unannotated[i];
            if (char.IsHighSurrogate(c) && i + 1 < unannotated.Length)
            {
                var cp = char.ConvertToUtf32(c, unannotated[i + 1]);
                var pair = unannotated.Substring(i, 2);
                // CJK Compatibility Ideographs Supplement → unified.
                sb.Append(cp is >= 0x2F800 and <= 0x2FA1F ? pair.Normalize(NormalizationForm.FormKC) : pair);
                i++;
                continue;
            }

            sb.Append(MapChar(c));
        }

        var simplified = ChineseConverter.ToSimplified(sb.ToString());
        return simplified.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    /// <summary>Removes a parenthesised run of pinyin with at least one tone mark right after a CJK character.</summary>
    public static string StripPinyin(string text) => PinyinAnnotation().Replace(text, string.Empty);

    private static string MapChar(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E' && (char.IsAsciiLetterOrDigit((char)(c - 0xFEE0)) || c is '．' or '＋' or '－' or '／' or '％'))
        {
            return ((char)(c - 0xFEE0)).ToString();
        }

        if (c is '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\u202F')
        {
            return " ";
        }

        if (c is '\u2212')
        {
            return "-";
        }

        if (c is '\u200B' or '\uFEFF')
        {
            return string.Empty;
        }

        if (c is >= '\u2F00' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF')
        {
            // Kangxi radicals and CJK compatibility ideographs have compatibility mappings to unified ideographs.
            return c.ToString().Normalize(NormalizationForm.FormKC);
        }

        return RadicalSupplement.TryGetValue(c, out var unified) ? unified.ToString() : c.ToString();
    }

    /// <summary>
    /// The key a label is matched by: only ideographs, ASCII letters and digits remain (punctuation, spaces, brackets
    /// and quotes differ from copy to copy), and 钩稽 is read as 勾稽.
    /// </summary>
    public static string LabelKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || IsIdeograph(c))
            {
                sb.Append(c == '钩' ? '勾' : c);
            }
        }

        return sb.ToString();
    }

    public static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    [GeneratedRegex(@"(?<=[\u3400-\u4DBF\u4E00-\u9FFF\u2E80-\u2FDF\uF900-\uFAFF])[(（]\s*(?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}\s*[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex PinyinAnnotation();
}
