namespace Gongkai.Core.Cases;

/// <summary>
/// The typed outcome that closes an application: exactly one per case. Each maps to one row of table 三 of the annual
/// report (<see cref="DecisionCatalog"/>); the article is the legal basis printed on the 答复书.
/// </summary>
public enum DecisionType
{
    /// <summary>已主动公开，告知获取方式 (36(一))</summary>
    AlreadyPublished,

    /// <summary>予以公开 (36(二))</summary>
    Disclosed,

    /// <summary>部分公开（区分处理） (37)</summary>
    PartiallyDisclosed,

    /// <summary>不予公开：国家秘密 (14)</summary>
    WithheldStateSecret,

    /// <summary>不予公开：其他法律行政法规禁止公开 (14)</summary>
    WithheldOtherLaw,

    /// <summary>不予公开：危及“三安全一稳定” (14)</summary>
    WithheldThreeSafetiesOneStability,

    /// <summary>不予公开：保护第三方合法权益 (15)</summary>
    WithheldThirdPartyRights,

    /// <summary>不予公开：三类内部事务信息 (16)</summary>
    WithheldInternalAffairs,

    /// <summary>不予公开：四类过程性信息 (16)</summary>
    WithheldProcessInformation,

    /// <summary>不予公开：行政执法案卷 (16)</summary>
    WithheldLawEnforcementFile,

    /// <summary>不予公开：行政查询事项 (36(七))</summary>
    WithheldAdministrativeQuery,

    /// <summary>无法提供：本机关不掌握 (36(四)(五))</summary>
    NotHeld,

    /// <summary>无法提供：需另行制作 (38)</summary>
    NeedsCreation,

    /// <summary>无法提供：补正后仍不明确 (30)</summary>
    UnclearAfterCorrection,

    /// <summary>不予处理：信访举报投诉 (39)</summary>
    PetitionOrComplaint,

    /// <summary>不予处理：重复申请 (36(六))</summary>
    RepeatedApplication,

    /// <summary>不予处理：要求提供公开出版物 (39)</summary>
    PublicationRequested,

    /// <summary>不予处理：无正当理由大量反复申请 (35)</summary>
    MassiveOrUnreasonable,

    /// <summary>不予处理：要求确认或重新出具已获取信息</summary>
    ConfirmOrReissue,

    /// <summary>其他处理：逾期不补正 (30)</summary>
    CorrectionOverdue,

    /// <summary>其他处理：逾期未缴费 (42, 109号)</summary>
    FeeNotPaid,

    /// <summary>其他处理：其他（如申请人撤回）</summary>
    Other,

    /// <summary>更正申请：予以更正 (41)</summary>
    RecordCorrected,

    /// <summary>更正申请：无权更正，转送有权机关处理并告知申请人 (41)</summary>
    RecordCorrectionForwarded,

    /// <summary>更正申请：证据不足，不予更正 (41)</summary>
    RecordCorrectionRefused,
}

/// <summary>What an application asks for.</summary>
public enum CaseType
{
    /// <summary>政府信息公开申请 (第二十七条): counted in table 三 of the annual report.</summary>
    InformationDisclosure,

    /// <summary>更正申请 (第四十一条): correct inaccurate information about the applicant; not counted in table 三.</summary>
    RecordCorrection,
}

/// <summary>One decision type: its Chinese name, legal basis, and the table 三 row it is counted in (null: not counted).</summary>
public sealed record DecisionInfo(DecisionType Type, string Name, string LegalBasis, string? ReportRow, CaseType AppliesTo = CaseType.InformationDisclosure)
{
    /// <summary>Whether a reply of this type may be chosen by hand (the lapses close a case by their own step).</summary>
    public bool Selectable => Type is not (DecisionType.CorrectionOverdue or DecisionType.FeeNotPaid);
}

/// <summary>
/// The decision types and their table 三 rows, as data an administrator can read (the rows for 36(一), 36(四)/(五) and
/// 36(七) follow common practice). 区分处理 counts only as 部分公开.
/// </summary>
public static class DecisionCatalog
{
    public static IReadOnlyList<DecisionInfo> All { get; } =
    [
        new(DecisionType.AlreadyPublished, "予以公开（已主动公开，告知获取方式和途径）", "《中华人民共和国政府信息公开条例》第三十六条第一项", "granted"),
        new(DecisionType.Disclosed, "予以公开", "《中华人民共和国政府信息公开条例》第三十六条第二项", "granted"),
        new(DecisionType.PartiallyDisclosed, "部分公开（区分处理）", "《中华人民共和国政府信息公开条例》第三十七条", "partially_granted"),
        new(DecisionType.WithheldStateSecret, "不予公开（属于国家秘密）", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项", "withheld_state_secret"),
        new(DecisionType.WithheldOtherLaw, "不予公开（其他法律行政法规禁止公开）", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项", "withheld_other_law"),
        new(DecisionType.WithheldThreeSafetiesOneStability, "不予公开（危及“三安全一稳定”）", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项", "withheld_three_safeties_one_stability"),
        new(DecisionType.WithheldThirdPartyRights, "不予公开（保护第三方合法权益）", "《中华人民共和国政府信息公开条例》第十五条、第三十六条第三项", "withheld_third_party_rights"),
        new(DecisionType.WithheldInternalAffairs, "不予公开（属于三类内部事务信息）", "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第三项", "withheld_internal_affairs"),
        new(DecisionType.WithheldProcessInformation, "不予公开（属于四类过程性信息）", "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第三项", "withheld_process_info"),
        new(DecisionType.WithheldLawEnforcementFile, "不予公开（属于行政执法案卷）", "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第三项", "withheld_law_enforcement_file"),
        new(DecisionType.WithheldAdministrativeQuery, "不予公开（属于行政查询事项）", "《中华人民共和国政府信息公开条例》第三十六条第七项", "withheld_administrative_query"),
        new(DecisionType.NotHeld, "无法提供（本机关不掌握相关政府信息）", "《中华人民共和国政府信息公开条例》第三十六条第四项、第五项", "unavailable_not_held"),
        new(DecisionType.NeedsCreation, "无法提供（没有现成信息需要另行制作）", "《中华人民共和国政府信息公开条例》第三十八条", "unavailable_needs_creation"),
        new(DecisionType.UnclearAfterCorrection, "无法提供（补正后申请内容仍不明确）", "《中华人民共和国政府信息公开条例》第三十条", "unavailable_unclear_after_correction"),
        new(DecisionType.PetitionOrComplaint, "不予处理（信访举报投诉类申请）", "《中华人民共和国政府信息公开条例》第三十九条第一款", "not_processed_petition_complaint"),
        new(DecisionType.RepeatedApplication, "不予处理（重复申请）", "《中华人民共和国政府信息公开条例》第三十六条第六项", "not_processed_repeated"),
        new(DecisionType.PublicationRequested, "不予处理（要求提供公开出版物）", "《中华人民共和国政府信息公开条例》第三十九条第二款", "not_processed_publication"),
        new(DecisionType.MassiveOrUnreasonable, "不予处理（无正当理由大量反复申请）", "《中华人民共和国政府信息公开条例》第三十五条", "not_processed_massive_unreasonable"),
        new(DecisionType.ConfirmOrReissue, "不予处理（要求确认或重新出具已获取信息）", "《中华人民共和国政府信息公开条例》第三十九条", "not_processed_confirm_or_reissue"),
        new(DecisionType.CorrectionOverdue, "其他处理（逾期不补正，不再处理）", "《中华人民共和国政府信息公开条例》第三十条", "other_no_correction_overdue"),
        new(DecisionType.FeeNotPaid, "其他处理（逾期未缴纳信息处理费，不再处理）", "《中华人民共和国政府信息公开条例》第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", "other_fee_not_paid"),
        new(DecisionType.Other, "其他处理", "—", "other_other"),
        new(DecisionType.RecordCorrected, "予以更正", "《中华人民共和国政府信息公开条例》第四十一条", null, CaseType.RecordCorrection),
        new(DecisionType.RecordCorrectionForwarded, "转送有权更正的行政机关处理并告知申请人", "《中华人民共和国政府信息公开条例》第四十一条", null, CaseType.RecordCorrection),
        new(DecisionType.RecordCorrectionRefused, "不予更正（提供的证据不能证明相关信息记载不准确）", "《中华人民共和国政府信息公开条例》第四十一条", null, CaseType.RecordCorrection),
    ];

    private static readonly Dictionary<DecisionType, DecisionInfo> ByType = All.ToDictionary(d => d.Type);

    public static DecisionInfo Of(DecisionType type) => ByType[type];

    /// <summary>The decisions that can close a case of <paramref name="caseType"/> (withdrawal, 其他处理, applies to both).</summary>
    public static IEnumerable<DecisionInfo> For(CaseType caseType) => All.Where(d => d.AppliesTo == caseType || d.Type == DecisionType.Other);

    public static string Name(CaseType caseType) => caseType switch
    {
        CaseType.InformationDisclosure => "政府信息公开申请",
        CaseType.RecordCorrection => "更正申请",
        _ => throw new ArgumentOutOfRangeException(nameof(caseType)),
    };
}
