using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Publishing;

namespace Gongkai.UseCases.Tests.Publishing;

/// <summary>An agency's check settings: inherited down the tree, lists checked as a whole, blocking or warning as set.</summary>
public abstract class PublishingCheckSettingsTests(DatabaseProvider provider) : DemoWorld(provider)
{
    [ProviderFact]
    public async Task Settings_are_inherited_lists_are_refused_whole_on_a_bad_line_and_the_checks_block_as_set()
    {
        var district = await AgencyIdAsync("包头市昆都仑区人民政府");
        var education = await AgencyIdAsync("包头市昆都仑区教育局");
        var initial = await AsStaff<GetPublishingCheckSettings, PublishingCheckSettingsView>("gkb", u => u.ExecuteAsync(education));
        Assert.True(initial.UsesStarterList);
        Assert.Null(initial.InheritedFrom);

        // A clerk cannot change them; a bad list line refuses the whole save.
        await Assert.ThrowsAsync<DomainException>(() => AsStaff<SavePublishingCheckSettings, int>("jyj-cb", u => u.ExecuteAsync(education, new PublishingCheckSettingsInput(), 0)));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<SavePublishingCheckSettings, int>("gkb", u => u.ExecuteAsync(district, new PublishingCheckSettingsInput { ExpressionsCsv = "错误写法,正确写法,说明\n再接再励,再接再厉,\n,空,\n" }, 0)));
        Assert.Contains("第 3 行", bad.Errors["Expressions"], StringComparison.Ordinal);

        var version = await AsStaff<SavePublishingCheckSettings, int>("gkb", u => u.ExecuteAsync(district, new PublishingCheckSettingsInput
        {
            ExpressionsCsv = "错误写法,正确写法,说明\n再接再励,再接再厉,错别字\n",
            SensitiveWords = "内部资料\n",
            ExpressionsBlock = true,
            SensitiveWordsBlock = false,
        }, 0));
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<SavePublishingCheckSettings, int>("gkb", u => u.ExecuteAsync(district, new PublishingCheckSettingsInput(), 0)));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);

        var inherited = await AsStaff<GetPublishingCheckSettings, PublishingCheckSettingsView>("jyj-cb", u => u.ExecuteAsync(education));
        Assert.Equal("包头市昆都仑区人民政府", inherited.InheritedFrom);
        Assert.Single(inherited.Settings.Expressions.Rules);

        var result = await AsStaff<CheckContent, ContentCheckResult>("jyj-cb", u => u.ExecuteAsync(education, "请再接再励。本件为内部资料。联系人手机 13912345678。", checkLinks: false));
        Assert.Equal([CheckKind.NonStandardExpression, CheckKind.SensitiveWord, CheckKind.PersonalData], result.Findings.Select(f => f.Kind));
        Assert.Equal([CheckSeverity.Blocking, CheckSeverity.Warning, CheckSeverity.Blocking], result.Findings.Select(f => f.Severity));
        Assert.True(result.Blocks);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("13912345678", StringComparison.Ordinal));

        await AsStaff<SavePublishingCheckSettings, int>("gkb", u => u.ExecuteAsync(district, new PublishingCheckSettingsInput { UseStarterList = true, PersonalDataBlocks = false }, version));
        var relaxed = await AsStaff<CheckContent, ContentCheckResult>("jyj-cb", u => u.ExecuteAsync(education, "联系人手机 13912345678。", checkLinks: false));
        Assert.False(relaxed.Blocks);
        Assert.True((await AsStaff<GetPublishingCheckSettings, PublishingCheckSettingsView>("gkb", u => u.ExecuteAsync(district))).UsesStarterList);
    }
}

public sealed class SqlitePublishingCheckSettingsTests() : PublishingCheckSettingsTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublishingCheckSettingsTests() : PublishingCheckSettingsTests(DatabaseProvider.Postgres);
