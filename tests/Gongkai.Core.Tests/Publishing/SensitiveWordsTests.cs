using Gongkai.Core.Publishing;

namespace Gongkai.Core.Tests.Publishing;

public class SensitiveWordsTests
{
    // Stand-ins: the agency's real list is its own data; these words only exercise the matching.
    private static readonly SensitiveWords Words = new(["内部资料", "内部", "绝密", "测试词", "spam"]);

    [Fact]
    public void Words_are_found_leftmost_longest_with_their_offsets()
    {
        var text = "本文为内部资料，请勿外传；内部使用。";
        var found = Words.Find(text);
        Assert.Equal([new SensitiveWordMatch(3, 4, "内部资料"), new SensitiveWordMatch(13, 2, "内部")], found);
    }

    [Theory]
    [InlineData("这是一份绝 密文件", "绝 密")]
    [InlineData("这是一份绝*密文件", "绝*密")]
    [InlineData("这是一份绝·密文件", "绝·密")]
    [InlineData("这是一份绝\u200B密文件", "绝\u200B密")]
    [InlineData("出现ＳＰＡＭ字样", "ＳＰＡＭ")]
    [InlineData("出现 Spam, 字样", "Spam")]
    [InlineData("出现s-p-a-m字样", "s-p-a-m")]
    public void Spaces_separators_case_and_width_do_not_hide_a_word(string text, string found)
    {
        var match = Assert.Single(Words.Find(text));
        Assert.Equal(found, text.Substring(match.Start, match.Length));
    }

    [Fact]
    public void A_latin_word_matches_only_as_a_whole_word()
    {
        Assert.Empty(Words.Find("antispam filters and spamming"));
        Assert.Single(Words.Find("no spam here"));
        Assert.Single(Words.Find("垃圾spam邮件"));
    }

    [Fact]
    public void A_match_never_starts_or_ends_on_a_skipped_character()
    {
        var text = "  绝密  ";
        var match = Assert.Single(Words.Find(text));
        Assert.Equal((2, 2), (match.Start, match.Length));
    }

    [Fact]
    public void Import_skips_blank_lines_comments_and_repeats_and_export_reads_back()
    {
        var words = SensitiveWords.Import("\uFEFF# 本单位敏感词\r\n绝密\r\n\r\n 内部资料 \r\n绝密\r\n绝 密\r\nSPAM\r\nspam\r\n");
        Assert.Equal(["绝密", "内部资料", "SPAM"], words.Words);
        Assert.Equal(words.Words, SensitiveWords.Import(words.Export()).Words);
        Assert.Equal("绝密\r\n内部资料\r\nSPAM\r\n", words.Export());
    }

    [Fact]
    public void Import_reports_bad_lines_by_number()
    {
        var ex = Assert.Throws<ListImportException>(() => SensitiveWords.Import("绝密\n***\n甲，乙\n" + new string('长', 51) + "\n"));
        Assert.Equal(3, ex.Errors.Count);
        Assert.StartsWith("第 2 行：“***”只有空格或分隔符号", ex.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("第 3 行：“甲，乙”含有逗号", ex.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("第 4 行：敏感词不能超过 50 个字符", ex.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_finds_nothing()
    {
        Assert.Empty(SensitiveWords.Empty.Find("绝密内部资料"));
        Assert.Empty(SensitiveWords.Import("\n# 只有注释\n").Words);
    }

    [Fact]
    public void Property_occurrences_are_exactly_the_naive_leftmost_longest_ones()
    {
        var random = new Random(3);
        for (var n = 0; n < 300; n++)
        {
            // A two-letter alphabet makes overlapping words and shared suffixes (the hard cases for Aho–Corasick) common.
            string Next(int length) => new(Enumerable.Range(0, length).Select(_ => "甲乙"[random.Next(2)]).ToArray());
            var list = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Next(random.Next(1, 5))).Distinct().ToList();
            var text = Next(random.Next(0, 40));

            var expected = new List<SensitiveWordMatch>();
            for (var i = 0; i < text.Length;)
            {
                var longest = list.Where(w => string.CompareOrdinal(text, i, w, 0, w.Length) == 0 && i + w.Length <= text.Length).MaxBy(w => w.Length);
                if (longest is null)
                {
                    i++;
                    continue;
                }

                expected.Add(new SensitiveWordMatch(i, longest.Length, longest));
                i += longest.Length;
            }

            Assert.Equal(expected, new SensitiveWords(list).Find(text));
        }
    }

    [Fact]
    public void Thousands_of_words_over_a_long_body_give_the_same_occurrences_as_a_naive_search()
    {
        var random = new Random(7);
        const string Alphabet = "政府信息公开工作年度报告主动依申请办理行政复议诉讼";
        string Next(int length) => new(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

        var list = Enumerable.Range(0, 5000).Select(_ => Next(random.Next(3, 7))).Distinct().ToList();
        var words = new SensitiveWords(list);
        var text = Next(50_000);

        var found = words.Find(text);

        // Every reported occurrence is a word at that place; no occurrence overlaps another; any word occurring in
        // the text is reported or overlapped by one reported.
        var set = list.ToHashSet(StringComparer.Ordinal);
        Assert.All(found, f => Assert.Contains(text.Substring(f.Start, f.Length), set));
        Assert.All(found.Zip(found.Skip(1)), p => Assert.True(p.First.Start + p.First.Length <= p.Second.Start));
        var covered = new bool[text.Length];
        foreach (var f in found)
        {
            Array.Fill(covered, true, f.Start, f.Length);
        }

        foreach (var word in list.Take(200))
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                Assert.True(covered[at..(at + word.Length)].Any(c => c), $"{word} at {at}");
            }
        }
    }
}
