using Gongkai.Core.Cases;
using Gongkai.Core.Letters;

namespace Gongkai.Documents.Tests;

/// <summary>Letters of every kind, composed from the default templates with realistic values.</summary>
internal static class LetterSamples
{
    public const string CaseNumber = "昆都仑区政府依申〔2024〕017号";

    public static byte[] Seal => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "seals", "demo-seal.png"));

    public static Dictionary<string, string?> Values(LetterKind kind) => new()
    {
        ["机关名称"] = "包头市昆都仑区人民政府",
        ["工作机构"] = "包头市昆都仑区人民政府办公室",
        ["办公地址"] = "包头市昆都仑区钢铁大街 1 号",
        ["联系电话"] = "0472-0000000",
        ["申请人"] = "张某某",
        ["受理编号"] = CaseNumber,
        ["文号"] = "昆政公开〔2024〕12号",
        ["申请日期"] = "2024年3月1日",
        ["收到申请日期"] = "2024年3月4日",
        ["申请内容"] = "2023年昆都仑区棚户区改造项目征收补偿方案",
        ["答复截止日"] = "2024年4月1日",
        ["落款日期"] = "2024年3月20日",
        ["补正事项"] = "请写明所需信息的名称、文号或者便于查询的其他特征性描述。",
        ["补正期限"] = "2024年3月15日",
        ["延长工作日"] = "20",
        ["延期理由"] = "所需信息涉及多个部门，需要调取档案",
        ["被征求意见方"] = "包头某某建设有限公司",
        ["征求意见依据"] = "《中华人民共和国政府信息公开条例》第三十二条",
        ["回复期限"] = "收到本函之日起 15 个工作日内",
        ["收费方式"] = "按量计收",
        ["收费依据"] = "按量计收：250 页（超额累进）",
        ["收费金额"] = "4700",
        ["缴费期限"] = "2024年4月3日",
        ["决定"] = kind.Decision is { } d ? DecisionCatalog.Of(d).Name : null,
        ["法律依据"] = kind.Decision is { } e ? LegalBasis.Text(e) : null,
        ["答复内容"] = "相关信息见附件。",
        ["掌握机关"] = "包头市自然资源局",
        ["送达文书"] = "政府信息公开申请答复书（昆政公开〔2024〕12号）",
        ["送达方式"] = "邮政送达（中国邮政）",
        ["送达地址"] = "包头市昆都仑区某某路 8 号",
        ["救济途径"] = Remedies.Text(kind, "包头市人民政府", "包头市昆都仑区人民法院"),
    };

    public static LetterDocument Compose(LetterKind kind, bool seal = true) =>
        LetterDocument.Compose(
            DefaultLetterTemplates.For(kind),
            Values(kind),
            kind.Numbered ? "昆政公开〔2024〕12号" : null,
            CaseNumber,
            "包头市昆都仑区人民政府",
            new DateOnly(2024, 3, 20),
            seal ? new SealImage(Seal, "image/png") : null);

    /// <summary>Text compared without the line breaks and spaces a layout adds.</summary>
    public static string Squeeze(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
