using Gongkai.Core.Cases;

namespace Gongkai.Core.Letters;

/// <summary>
/// The templates every agency starts with. An administrator may replace any of them for an agency; resetting returns to
/// these. The wording follows common practice of 告知书/答复书 under the 2019 条例.
/// </summary>
public static class DefaultLetterTemplates
{
    private const string Opening = "{申请人}：\n本机关于{收到申请日期}收到您提出的政府信息公开申请（受理编号：{受理编号}），您申请获取：{申请内容}。";

    private const string Closing = "{救济途径}\n特此告知。\n（联系电话：{联系电话}；地址：{办公地址}）";

    public static LetterTemplate For(LetterKind kind) => kind.Type switch
    {
        LetterType.Receipt => new(kind, "政府信息公开申请受理回执", string.Join('\n',
            "{申请人}：",
            "您于{申请日期}提出的政府信息公开申请已由{机关名称}收到，受理编号为{受理编号}。",
            "收到申请之日为{收到申请日期}。本机关将依照《中华人民共和国政府信息公开条例》第三十三条的规定，在收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，将另行告知，延长的期限最长不超过 20 个工作日。征求第三方或者其他机关意见所需时间不计算在答复期限内。",
            "当前答复期限至{答复截止日}。您可以凭受理编号和受理时取得的查询码在本机关政府信息公开网站查询办理进度。",
            "（联系电话：{联系电话}；地址：{办公地址}）")),
        LetterType.CorrectionNotice => new(kind, "政府信息公开申请补正告知书", string.Join('\n',
            Opening,
            "经审查，您的申请内容不够明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：",
            "{补正事项}",
            "请您于{补正期限}前向本机关提交补正材料。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
            Closing)),
        LetterType.ExtensionNotice => new(kind, "政府信息公开申请延期答复告知书", string.Join('\n',
            Opening,
            "因{延期理由}，本机关不能在 20 个工作日内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长{延长工作日}个工作日，延长后的答复期限至{答复截止日}。",
            Closing)),
        LetterType.ConsultationLetter => new(kind, "政府信息公开征求意见函", string.Join('\n',
            "{被征求意见方}：",
            "本机关于{收到申请日期}收到一件政府信息公开申请（受理编号：{受理编号}），申请获取：{申请内容}。",
            "经审查，该信息的公开可能涉及贵方的合法权益（或由贵方与本机关共同制作）。根据{征求意见依据}的规定，现书面征求贵方意见。",
            "请于收到本函之日起 15 个工作日内（{回复期限}）书面回复是否同意公开及理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。",
            "（联系电话：{联系电话}；地址：{办公地址}）")),
        LetterType.FeeNotice => new(kind, "政府信息公开信息处理费收费通知书", string.Join('\n',
            Opening,
            "您的申请数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关对该申请{收费方式}收取信息处理费。",
            "计收依据：{收费依据}。应缴金额：人民币{收费金额}元。",
            "请您于{缴费期限}前按本通知所附方式缴纳，缴纳后本机关开具财政票据。自本机关发出收费通知至您缴纳费用期间不计算在答复期限内；逾期未缴纳的，视为放弃申请，本机关不再处理该申请。",
            Closing)),
        LetterType.Reply => Reply(kind),
        LetterType.ServiceCertificate => new(kind, "送达回证", string.Join('\n',
            "受理编号：{受理编号}",
            "送达文书：{送达文书}",
            "受送达人：{申请人}",
            "送达地址：{送达地址}",
            "送达方式：{送达方式}",
            "送达机关：{机关名称}",
            "受送达人签收：",
            "签收日期：",
            "送达人：",
            "备注：")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static LetterTemplate Reply(LetterKind kind)
    {
        var decision = kind.Decision!.Value;
        var title = decision is DecisionType.RecordCorrected or DecisionType.RecordCorrectionForwarded or DecisionType.RecordCorrectionRefused
            ? "政府信息更正申请答复书"
            : "政府信息公开申请答复书";
        var opening = decision is DecisionType.RecordCorrected or DecisionType.RecordCorrectionForwarded or DecisionType.RecordCorrectionRefused
            ? "{申请人}：\n本机关于{收到申请日期}收到您提出的政府信息更正申请（受理编号：{受理编号}），您要求更正：{申请内容}。"
            : Opening;
        return new LetterTemplate(kind, title, string.Join('\n', opening, Finding(decision), "{答复内容}", "处理结果：{决定}。", Closing));
    }

    /// <summary>The reasoned paragraph of each decision type; {法律依据} names the articles of the catalogue.</summary>
    private static string Finding(DecisionType decision) => decision switch
    {
        DecisionType.AlreadyPublished => "经查，您申请获取的政府信息已经主动公开。根据{法律依据}的规定，现告知您获取该政府信息的方式和途径如下：",
        DecisionType.Disclosed => "经查，您申请获取的政府信息属于可以公开的政府信息。根据{法律依据}的规定，本机关向您提供该政府信息（或告知获取的方式、途径和时间）：",
        DecisionType.PartiallyDisclosed => "经查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{法律依据}的规定，本机关向您提供可以公开的部分，并说明不予公开部分的理由：",
        DecisionType.WithheldStateSecret => "经查，您申请获取的政府信息依法确定为国家秘密。根据{法律依据}的规定，该信息不予公开。",
        DecisionType.WithheldOtherLaw => "经查，法律、行政法规禁止公开您申请获取的政府信息。根据{法律依据}的规定，该信息不予公开。",
        DecisionType.WithheldThreeSafetiesOneStability => "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据{法律依据}的规定，该信息不予公开。",
        DecisionType.WithheldThirdPartyRights => "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，且第三方不同意公开，不公开也不会对公共利益造成重大影响。根据{法律依据}的规定，该信息不予公开。",
        DecisionType.WithheldInternalAffairs => "经查，您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息。根据{法律依据}的规定，该信息不予公开。",
        DecisionType.WithheldProcessInformation => "经查，您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据{法律依据}的规定，该信息不予公开。",
        DecisionType.WithheldLawEnforcementFile => "经查，您申请获取的信息属于行政执法案卷信息。根据{法律依据}的规定，该信息不予公开。",
        DecisionType.WithheldAdministrativeQuery => "经查，您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的情形，应当按照有关法律、行政法规的规定办理。根据{法律依据}的规定，告知如下：",
        DecisionType.NotHeld => "经查，本机关未制作、获取您申请的政府信息，该政府信息不存在或者不属于本机关负责公开。根据{法律依据}的规定，告知如下（能够确定负责公开该信息的行政机关的，告知其名称：{掌握机关}）：",
        DecisionType.NeedsCreation => "经查，本机关没有现成的您申请获取的信息，提供该信息需要本机关对现有政府信息进行加工、分析。根据{法律依据}的规定，本机关可以不予提供。",
        DecisionType.UnclearAfterCorrection => "本机关曾书面告知您补正申请内容，补正后申请内容仍不明确。根据{法律依据}的规定，本机关无法按照您的申请提供政府信息。",
        DecisionType.PetitionOrComplaint => "经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{法律依据}的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
        DecisionType.RepeatedApplication => "经查，您向本机关重复申请公开相同的政府信息，本机关已经作出答复。根据{法律依据}的规定，本机关不予重复处理。",
        DecisionType.PublicationRequested => "经查，您申请获取的是公开出版物。根据{法律依据}的规定，本机关可以告知获取的途径：",
        DecisionType.MassiveOrUnreasonable => "经审查，您申请公开政府信息的数量、频次明显超过合理范围，且未说明理由或者理由不合理。根据{法律依据}的规定，本机关不予处理。",
        DecisionType.ConfirmOrReissue => "经审查，您要求本机关确认或者重新出具已经获取的信息，不属于政府信息公开申请。根据{法律依据}的规定，本机关不作为政府信息公开申请处理。",
        DecisionType.CorrectionOverdue => "本机关曾书面告知您补正申请内容，您无正当理由逾期未补正。根据{法律依据}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
        DecisionType.FeeNotPaid => "本机关曾向您发出信息处理费收费通知，您逾期未缴纳。根据{法律依据}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
        DecisionType.Other => "根据{法律依据}，本机关对您的申请作如下处理：",
        DecisionType.RecordCorrected => "经核实，您提供的证据能够证明本机关提供的与您自身相关的政府信息记录不准确。根据{法律依据}的规定，本机关已予以更正：",
        DecisionType.RecordCorrectionForwarded => "经核实，本机关无权更正您要求更正的政府信息。根据{法律依据}的规定，本机关已转送有权更正的行政机关（{掌握机关}）处理，特告知您：",
        DecisionType.RecordCorrectionRefused => "经核实，您提供的证据不能证明本机关提供的与您自身相关的政府信息记录不准确。根据{法律依据}的规定，本机关不予更正：",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
