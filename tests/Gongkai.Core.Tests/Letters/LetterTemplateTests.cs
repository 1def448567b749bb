using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Letters;

namespace Gongkai.Core.Tests.Letters;

public sealed class LetterTemplateTests
{
    [Fact]
    public void Every_default_template_passes_its_own_checks()
    {
        foreach (var kind in LetterKind.All)
        {
            var t = DefaultLetterTemplates.For(kind);
            var again = LetterTemplate.Validated(kind, t.Title, t.Body);
            Assert.Equal(t.Body, again.Body);
        }
    }

    [Fact]
    public void Kinds_round_trip_through_their_keys_and_odd_keys_are_refused()
    {
        foreach (var kind in LetterKind.All)
        {
            Assert.True(LetterKind.TryParse(kind.Key, out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal(6 + DecisionCatalog.All.Count, LetterKind.All.Count);
        foreach (var bad in new[] { null, "", "Reply", "Reply.", "Reply.42", "Receipt.NotHeld", "3", "Nope", "Reply.NotHeld.x" })
        {
            Assert.False(LetterKind.TryParse(bad, out _), bad);
        }
    }

    [Fact]
    public void A_template_with_unknown_misplaced_or_missing_placeholders_is_refused_with_every_reason()
    {
        var kind = new LetterKind(LetterType.Reply, DecisionType.NotHeld);

        var e = Assert.Throws<ValidationFailedException>(() => LetterTemplate.Validated(kind, "", "{申请人}：{未知} {补正事项} {受理编号"));

        Assert.Equal("请填写文书标题。", e.Errors["Title"]);
        var body = e.Errors["Body"];
        Assert.Contains("花括号不成对", body, StringComparison.Ordinal);
        Assert.Contains("{救济途径}", body, StringComparison.Ordinal);
        Assert.Contains("{法律依据}", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_inserts_values_as_text_and_marks_what_is_missing()
    {
        var kind = new LetterKind(LetterType.Receipt);
        var t = LetterTemplate.Validated(kind, "回执", "{申请人}：\r\n\r\n\r\n编号 {受理编号}，电话 {联系电话}。  ");

        var text = t.Render(new Dictionary<string, string?> { ["申请人"] = "张\u0007三{受理编号}", ["受理编号"] = "X-1" });

        Assert.Equal("张三{受理编号}：\n\n编号 X-1，电话 （无）。", text);
    }

    [Fact]
    public void The_remedies_name_the_bodies_when_set_and_stay_general_otherwise()
    {
        var reply = new LetterKind(LetterType.Reply, DecisionType.Disclosed);
        Assert.Equal("如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内向人民法院提起行政诉讼。", Remedies.Text(reply, null, " "));
        Assert.Contains("60日内向包头市人民政府申请行政复议", Remedies.Text(new LetterKind(LetterType.FeeNotice), "包头市人民政府", null), StringComparison.Ordinal);
        Assert.StartsWith("如对本告知不服", Remedies.Text(new LetterKind(LetterType.FeeNotice), null, null), StringComparison.Ordinal);
    }
}
