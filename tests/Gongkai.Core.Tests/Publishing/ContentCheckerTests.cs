using Gongkai.Core.Common;
using Gongkai.Core.Publishing;

namespace Gongkai.Core.Tests.Publishing;

public class ContentCheckerTests
{
    private static readonly ContentCheckSettings Settings = ContentCheckSettings.Default with
    {
        SensitiveWords = new SensitiveWords(["内部资料"]),
    };

    [Fact]
    public void Findings_of_every_check_come_sorted_by_position_with_the_default_severities()
    {
        const string text = "根据国土资源部通知（内部资料），申请人身份证号11010519491231002X，手机13912345678，我们再接再励。";

        var findings = ContentChecker.Check(text, Settings);

        Assert.Equal(
            [CheckKind.NonStandardExpression, CheckKind.SensitiveWord, CheckKind.PersonalData, CheckKind.PersonalData, CheckKind.NonStandardExpression],
            findings.Select(f => f.Kind).ToArray());
        Assert.Equal(findings.OrderBy(f => f.Start).Select(f => f.Start), findings.Select(f => f.Start));
        Assert.All(findings, f => Assert.Equal(text.Substring(f.Start, f.Length), f.Found));
        Assert.Equal(
            [CheckSeverity.Warning, CheckSeverity.Blocking, CheckSeverity.Blocking, CheckSeverity.Blocking, CheckSeverity.Warning],
            findings.Select(f => f.Severity).ToArray());
        Assert.True(ContentChecker.HasBlocking(findings));

        Assert.Equal("不规范表述：“国土资源部”应为“自然资源部”（2018 年机构改革后组建自然资源部）。", findings[0].Message);
        Assert.Equal("敏感词：“内部资料”，请核实后修改或删除。", findings[1].Message);
        Assert.Equal("疑似居民身份证号（校验位正确），公开前应删除或遮盖：1101**********002X", findings[2].Message);
        Assert.Equal("疑似手机号码，公开前应删除或遮盖：139****5678", findings[3].Message);
        Assert.Equal("不规范表述：“再接再励”应为“再接再厉”。", findings[4].Message);
    }

    [Fact]
    public void Messages_never_hold_personal_data_in_full()
    {
        const string text = "身份证号110105491231002，银行卡6222021234567890128，手机139-1234-5678";
        var findings = ContentChecker.Check(text, ContentCheckSettings.Default);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.DoesNotContain(f.Found.Replace("-", string.Empty, StringComparison.Ordinal), f.Message, StringComparison.Ordinal));
        Assert.Contains("15 位旧号码", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Luhn", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_agency_decides_which_kinds_block()
    {
        var settings = Settings with
        {
            NonStandardExpressionSeverity = CheckSeverity.Blocking,
            SensitiveWordSeverity = CheckSeverity.Warning,
            PersonalDataSeverity = CheckSeverity.Warning,
        };
        var findings = ContentChecker.Check("按步就班，内部资料，13912345678", settings);
        Assert.Equal([CheckSeverity.Blocking, CheckSeverity.Warning, CheckSeverity.Warning], findings.Select(f => f.Severity).ToArray());
        Assert.Equal(CheckSeverity.Warning, settings.SeverityOf(CheckKind.BrokenLink));
        Assert.False(ContentChecker.HasBlocking(ContentChecker.Check("内部资料，13912345678", settings)));
    }

    [Fact]
    public void Empty_lists_leave_only_personal_data()
    {
        var settings = ContentCheckSettings.Default with { Expressions = NonStandardExpressions.Empty };
        var finding = Assert.Single(ContentChecker.Check("按步就班，内部资料，13912345678", settings));
        Assert.Equal(CheckKind.PersonalData, finding.Kind);
        Assert.Empty(ContentChecker.Check(string.Empty, Settings));
    }

    [Fact]
    public void A_fix_puts_the_right_form_or_the_masked_number_in_place()
    {
        const string text = "我们要再接再励，按步就班，联系人手机139-1234-5678，内部资料。";
        var findings = ContentChecker.Check(text, Settings);

        Assert.Equal("我们要再接再厉，按步就班，联系人手机139-1234-5678，内部资料。", ContentFindingText.Apply(text, findings[0]));
        Assert.Equal("我们要再接再厉，按部就班，联系人手机139****5678，内部资料。", ContentFindingText.ApplyAll(text, findings));

        var fixedText = ContentFindingText.ApplyAll(text, findings);
        Assert.Equal([CheckKind.SensitiveWord], ContentChecker.Check(fixedText, Settings).Select(f => f.Kind).ToArray());
    }

    [Fact]
    public void A_fix_is_refused_when_the_text_changed_or_there_is_nothing_to_apply()
    {
        const string text = "我们要再接再励，内部资料。";
        var findings = ContentChecker.Check(text, Settings);

        var stale = Assert.Throws<DomainException>(() => ContentFindingText.Apply("前面加了字，" + text, findings[0]));
        Assert.Equal(ContentFindingText.StaleCode, stale.Code);
        var none = Assert.Throws<DomainException>(() => ContentFindingText.Apply(text, findings[1]));
        Assert.Equal(ContentFindingText.NoSuggestionCode, none.Code);
    }

    [Fact]
    public void Merge_sorts_the_findings_of_several_checks()
    {
        var link = new ContentFinding(CheckKind.BrokenLink, CheckSeverity.Warning, 0, 5, "http:", null, "链接无法访问");
        var checks = ContentChecker.Check("xxxxx再接再励", Settings);
        var merged = ContentChecker.Merge(checks, [link]);
        Assert.Equal([CheckKind.BrokenLink, CheckKind.NonStandardExpression], merged.Select(f => f.Kind).ToArray());
    }
}
