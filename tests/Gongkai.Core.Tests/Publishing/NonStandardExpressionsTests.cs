using Gongkai.Core.Publishing;

namespace Gongkai.Core.Tests.Publishing;

public class NonStandardExpressionsTests
{
    // Written for these tests in the style of a government work report; every sentence is correct as written and uses
    // the right forms (and the names near) the starter list's wrong ones.
    private const string CorrectProse = """
        2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育，巩固拓展“两学一做”学习教育常态化制度化成果，坚定不移推进全面从严治党，持续加强党风廉政建设和反腐倡廉工作。我们一如既往地坚持实事求是、求真务实，再接再厉，攻坚克难，推动各项工作迈上新台阶。

        按照机构改革部署，原国土资源部、原国家测绘地理信息局的有关职责已划入自然资源部，原环境保护部的职责由生态环境部承担，原国家工商行政管理总局、原国家质量监督检验检疫总局的有关职责由国家市场监督管理总局承担。各级环境保护部门、自然资源部门和市场监督管理部门要密切配合，依法履职。国家卫生健康委员会、应急管理部、文化和旅游部、国家林业和草原局、国家粮食和物资储备局、司法部、国家金融监督管理总局和国家广播电视总局的职责分工按照“三定”规定执行。

        全年共主动公开政府信息1286条，其中规范性文件23件，均按照《中华人民共和国政府信息公开条例》的规定在20个工作日内公开。受理政府信息公开申请57件，办结57件；发生行政复议3件、行政诉讼1件，均未被纠错。申请人应当提供居民身份证等有效身份证件，我们在签订合同、开立账户、分配账号时严格保护个人信息，二〇二四年将进一步规范统一社会信用代码的公示。

        下一步，我们将深化供给侧结构性改革，巩固脱贫攻坚成果，全面推进乡村振兴，坚持依法治国，推进社会治理体系和治理能力现代化，大力弘扬艰苦奋斗、厉行节约的优良作风，继往开来，与时俱进，以兢兢业业、全力以赴的精神状态，做到有的放矢、融会贯通，按部就班地把各项任务落到实处，在所不惜地守护人民群众的利益。
        """;

    [Fact]
    public void The_starter_list_has_at_least_sixty_corrections_and_reads_from_its_own_csv()
    {
        var starter = NonStandardExpressions.Starter;
        Assert.True(starter.Rules.Count(r => !r.IsException) >= 60, $"{starter.Rules.Count(r => !r.IsException)} corrections");
        Assert.Contains(starter.Rules, r => r is { Wrong: "国土资源部", Right: "自然资源部" });
        Assert.Contains(starter.Rules, r => r is { Wrong: "两学一作", Right: "两学一做" });
        Assert.Contains(starter.Rules, r => r is { Wrong: "按步就班", Right: "按部就班" });
    }

    [Fact]
    public void Correct_government_prose_has_no_findings_with_the_starter_list()
    {
        var matches = NonStandardExpressions.Starter.Find(CorrectProse);
        Assert.True(matches.Count == 0, string.Join("；", matches.Select(m => $"{m.Rule.Wrong}@{m.Start}")));
    }

    [Fact]
    public void Every_right_form_of_the_starter_list_passes_and_every_wrong_form_is_found_with_its_right_form()
    {
        var list = NonStandardExpressions.Starter;
        foreach (var rule in list.Rules)
        {
            Assert.True(list.Find("　" + rule.Right + "。").Count == 0, rule.Right);
            if (rule.IsException)
            {
                continue;
            }

            var text = "据悉，" + rule.Wrong + "。";
            var match = Assert.Single(list.Find(text));
            Assert.Equal(3, match.Start);
            Assert.Equal(rule.Wrong.Length, match.Length);
            Assert.Same(rule, match.Rule);
        }
    }

    [Fact]
    public void Property_wrong_forms_inserted_into_correct_prose_are_all_found_and_fixing_them_leaves_nothing()
    {
        var random = new Random(21);
        var corrections = NonStandardExpressions.Starter.Rules.Where(r => !r.IsException).ToList();
        var settings = ContentCheckSettings.Default;
        for (var n = 0; n < 200; n++)
        {
            var sentences = CorrectProse.Split('。');
            var inserted = new List<ExpressionRule>();
            for (var k = 1; k < sentences.Length; k++)
            {
                if (random.Next(3) == 0)
                {
                    var rule = corrections[random.Next(corrections.Count)];
                    inserted.Add(rule);
                    sentences[k] = rule.Wrong + sentences[k];
                }
            }

            var text = string.Join('。', sentences);
            var findings = ContentChecker.Check(text, settings);

            Assert.Equal(inserted.Select(r => r.Wrong), findings.Select(f => f.Found));
            Assert.Equal(inserted.Select(r => r.Right), findings.Select(f => f.Suggestion));
            var fixedText = ContentFindingText.ApplyAll(text, findings);
            Assert.Empty(ContentChecker.Check(fixedText, settings));
            Assert.Equal(text.Length + inserted.Sum(r => r.Right.Length - r.Wrong.Length), fixedText.Length);
        }
    }

    [Theory]
    [InlineData("根据国土资源部的通知", "国土资源部", "自然资源部")]
    [InlineData("我们要再接再励，一鼓作气", "再接再励", "再接再厉")]
    [InlineData("深入开展两学一作学习教育", "两学一作", "两学一做")]
    [InlineData("以习近平新时期中国特色社会主义思想为指导", "习近平新时期中国特色社会主义思想", "习近平新时代中国特色社会主义思想")]
    [InlineData("市卫生计生委印发", "卫生计生委", "卫生健康委")]
    [InlineData("二○二四年一月", "二○", "二〇")]
    public void A_wrong_form_is_found_with_its_right_form(string text, string wrong, string right)
    {
        var match = Assert.Single(NonStandardExpressions.Starter.Find(text));
        Assert.Equal(wrong, text.Substring(match.Start, match.Length));
        Assert.Equal(right, match.Rule.Right);
    }

    [Theory]
    [InlineData("原国土资源部印发的文件继续有效")]
    [InlineData("县环境保护部门负责监督")]
    [InlineData("原市卫生计生委承担的职责")]
    [InlineData("原国家工商总局")]
    [InlineData("落实中央生态环境保护部署要求，其中环境保护部分已完成")]
    public void A_phrase_inside_an_exception_is_not_flagged(string text)
    {
        Assert.Empty(NonStandardExpressions.Starter.Find(text));
    }

    [Fact]
    public void A_wrong_form_broken_by_a_line_break_or_spaces_is_found_and_its_offsets_cover_the_break()
    {
        var text = "根据国土\r\n资源 部的通知";
        var match = Assert.Single(NonStandardExpressions.Starter.Find(text));
        Assert.Equal("国土\r\n资源 部", text.Substring(match.Start, match.Length));
    }

    [Fact]
    public void The_longest_wrong_form_wins_and_matches_do_not_overlap()
    {
        var list = new NonStandardExpressions([new("国务院法制办", "司法部", null), new("国务院法制办公室", "司法部", null), new("法制办公", "法治办公", null)]);
        var match = Assert.Single(list.Find("国务院法制办公室"));
        Assert.Equal("国务院法制办公室", match.Rule.Wrong);
        Assert.Equal(2, list.Find("国务院法制办公室和国务院法制办").Count);
    }

    [Fact]
    public void Latin_letters_and_digits_are_matched_whatever_their_width_and_case()
    {
        var list = new NonStandardExpressions([new("Web服务器", "网站服务器", null)]);
        var text = "更换ＷＥＢ服务器一台";
        var match = Assert.Single(list.Find(text));
        Assert.Equal("ＷＥＢ服务器", text.Substring(match.Start, match.Length));
    }

    [Fact]
    public void Export_then_import_gives_the_same_list_in_csv_and_tsv()
    {
        var list = NonStandardExpressions.Starter.With([new("甲,乙\"丙\"", "甲乙丙", "带逗号和引号"), new("引号\"开头", "引号开头", null), new("尾部空格 ", "尾部", null)]);
        foreach (var separator in new[] { ',', '\t' })
        {
            var again = NonStandardExpressions.Import(list.Export(separator));
            Assert.Equal(list.Rules, again.Rules);
        }

        Assert.StartsWith("错误写法,正确写法,说明\r\n", NonStandardExpressions.Starter.Export(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_accepts_a_bom_an_english_header_comments_blank_lines_and_two_columns()
    {
        var list = NonStandardExpressions.Import("\uFEFFWrong,Right,Note\n# 注释\n\n按步就班,按部就班\n 再接再励 , 再接再厉 ,常见错字\n");
        Assert.Equal([new ExpressionRule("按步就班", "按部就班", null), new ExpressionRule("再接再励", "再接再厉", "常见错字")], list.Rules);
    }

    [Fact]
    public void Import_reports_every_bad_line_by_its_number_and_imports_nothing()
    {
        const string csv = """
            错误写法,正确写法,说明
            按步就班,按部就班,
            ,按部就班,
            再接再励,,
            按步就班,按部就班,重复
            甲,乙,丙,丁
            二十大,党的二十大,正确写法含有错误写法本身
            精减,精简,
            精简机构,精减机构,改正后又会被提示
            例外写法,例外写法,
            """;
        var ex = Assert.Throws<ListImportException>(() => NonStandardExpressions.Import(csv));
        Assert.Equal(ListImportException.ErrorCode, ex.Code);
        Assert.Contains(ex.Errors, e => e.StartsWith("第 3 行：错误写法为空", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("第 4 行：“再接再励”的正确写法为空", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("第 5 行：错误写法“按步就班”与第 2 行重复", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("第 6 行：应为“错误写法,正确写法,说明”三列", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("第 7 行：正确写法“党的二十大”中含有错误写法“二十大”本身", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("第 9 行：正确写法“精减机构”中含有第 8 行的错误写法“精减”", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("第 10 行：例外写法“例外写法”中不含任何错误写法", StringComparison.Ordinal));
        Assert.Equal(7, ex.Errors.Count);
        Assert.Equal([3, 4, 5, 6, 7, 9, 10], ex.Errors.Select(e => int.Parse(e.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        Assert.Contains("第 3 行", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_form_starting_with_a_hash_is_refused_because_it_would_read_as_a_comment()
    {
        var ex = Assert.Throws<ListImportException>(() => new NonStandardExpressions([new("#话题", "话题", null)]));
        Assert.Contains("不能以 # 开头", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_right_form_that_differs_only_by_spaces_or_width_is_refused()
    {
        var ex = Assert.Throws<ListImportException>(() => new NonStandardExpressions([new("ＡＢ机构", "AB机构", null)]));
        Assert.StartsWith("第 1 条：", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_csv_field_may_hold_a_line_break_and_an_unclosed_quote_is_reported()
    {
        var list = NonStandardExpressions.Import("按步就班,按部就班,\"第一行\n第二行\"\n再接再励,再接再厉\n");
        Assert.Equal("第一行\n第二行", list.Rules[0].Note);
        Assert.Equal("再接再励", list.Rules[1].Wrong);

        var ex = Assert.Throws<ListImportException>(() => NonStandardExpressions.Import("按步就班,按部就班\n再接再励,\"再接再厉\n"));
        Assert.Contains(ex.Errors, e => e.StartsWith("第 2 行：引号没有闭合", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_must_be_utf8_and_may_start_with_a_bom()
    {
        var utf8 = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("按步就班,按部就班\n")).ToArray();
        Assert.Equal("按部就班", Assert.Single(NonStandardExpressions.Import(utf8).Rules).Right);

        // 按步就班 in GBK, as Excel on a Chinese Windows saves CSV.
        byte[] gbk = [0xB0, 0xB4, 0xB2, 0xBD, 0xBE, 0xCD, 0xB0, 0xE0, 0x2C, 0x61, 0x0A];
        var ex = Assert.Throws<ListImportException>(() => NonStandardExpressions.Import(gbk));
        Assert.Contains("不是 UTF-8 编码", Assert.Single(ex.Errors), StringComparison.Ordinal);
        Assert.Throws<ListImportException>(() => SensitiveWords.Import(gbk));
    }

    [Fact]
    public void An_empty_list_finds_nothing()
    {
        Assert.Empty(NonStandardExpressions.Empty.Find(CorrectProse + "按步就班"));
        Assert.Empty(NonStandardExpressions.Import("错误写法,正确写法,说明\n").Rules);
    }
}
