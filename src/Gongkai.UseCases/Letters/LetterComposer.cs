using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Fees;
using Gongkai.Core.Letters;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Cases;
using Gongkai.Data.Files;
using Gongkai.Data.Letters;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Letters;

/// <summary>Where a template in use comes from: the agency itself, an agency above it, or the built-in wording.</summary>
public sealed record EffectiveTemplate(LetterTemplate Template, int? OwnerAgencyId, string Source, int? Version);

/// <summary>
/// Puts a letter together from a case: which kinds the case can have now, the template in force for the answering
/// agency, the values of its placeholders, and the agency's seal. Shared by the letter use cases; it reads only.
/// </summary>
public sealed class LetterComposer(GongkaiDbContext db, IFileStore files)
{
    /// <summary>The kinds a case can have issued in its present state (a consultation letter per consultation).</summary>
    public static IReadOnlyList<(LetterKind Kind, int? PauseSequence)> Available(ApplicationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var list = new List<(LetterKind, int?)>();
        if (r.Received is not null)
        {
            list.Add((new LetterKind(LetterType.Receipt), null));
        }

        if (r.CorrectionRequested is not null && !string.IsNullOrEmpty(r.CorrectionPoints))
        {
            list.Add((new LetterKind(LetterType.CorrectionNotice), null));
        }

        if (r.ExtensionWorkingDays > 0)
        {
            list.Add((new LetterKind(LetterType.ExtensionNotice), null));
        }

        foreach (var p in r.Pauses.Where(p => p.Reason is PauseReason.ThirdPartyConsultation or PauseReason.CoMakerConsultation).OrderBy(p => p.Sequence))
        {
            list.Add((new LetterKind(LetterType.ConsultationLetter), p.Sequence));
        }

        if (r.FeeMethod is not null && r.FeeYuan > 0)
        {
            list.Add((new LetterKind(LetterType.FeeNotice), null));
        }

        if (r.Decision is { } decision)
        {
            list.Add((new LetterKind(LetterType.Reply, decision), null));
            list.Add((new LetterKind(LetterType.ServiceCertificate), null));
        }

        return list;
    }

    /// <summary>The template an agency uses for a kind: its own, else the nearest ancestor's, else the built-in one.</summary>
    public async Task<EffectiveTemplate> TemplateAsync(int agencyId, LetterKind kind, AgencyTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var chain = Ancestry(agencyId, tree).ToList();
        var key = kind.Key;
        var rows = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == key && chain.Contains(t.AgencyId)).ToListAsync(ct);
        foreach (var id in chain)
        {
            if (rows.FirstOrDefault(t => t.AgencyId == id) is { } row)
            {
                var source = id == agencyId ? "本机关模板" : $"沿用{tree.Find(id)?.Name}的模板";
                return new EffectiveTemplate(new LetterTemplate(kind, row.Title, row.Body), id, source, row.Version);
            }
        }

        return new EffectiveTemplate(DefaultLetterTemplates.For(kind), null, "系统默认模板", null);
    }

    public static IEnumerable<int> Ancestry(int agencyId, AgencyTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        for (var node = tree.Find(agencyId); node is not null; node = node.ParentId is { } p ? tree.Find(p) : null)
        {
            yield return node.Id;
        }
    }

    public async Task<AgencyLetterSettingsRecord> SettingsAsync(int agencyId, CancellationToken ct) =>
        await db.AgencyLetterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == agencyId, ct)
        ?? new AgencyLetterSettingsRecord { AgencyId = agencyId };

    public async Task<SealImage?> SealAsync(AgencyLetterSettingsRecord settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.SealStorageKey is null)
        {
            return null;
        }

        return new SealImage(await files.ReadAllBytesAsync(settings.SealStorageKey, ct), settings.SealContentType ?? "image/png");
    }

    /// <summary>The values of every placeholder for this case (and, for a consultation letter, that consultation).</summary>
    public static Dictionary<string, string?> Values(ApplicationRecord r, AgencyRecord agency, AgencyLetterSettingsRecord settings, LetterKind kind, int? pauseSequence, string? documentNumber, DateOnly issuedOn, WorkingDayCalendar calendar, IReadOnlyList<(string Title, string? Number)> servedLetters)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["机关名称"] = agency.Name,
            ["工作机构"] = agency.OfficeName,
            ["办公地址"] = string.IsNullOrWhiteSpace(agency.OfficeAddress) ? "见本机关政府信息公开指南" : agency.OfficeAddress,
            ["联系电话"] = string.IsNullOrWhiteSpace(agency.OfficePhone) ? "见本机关政府信息公开指南" : agency.OfficePhone,
            ["申请人"] = r.ApplicantName,
            ["受理编号"] = r.CaseNumber,
            ["文号"] = documentNumber,
            ["申请日期"] = D(r.Arrived),
            ["收到申请日期"] = D(r.Received ?? r.Arrived),
            ["申请内容"] = r.Description.Trim().TrimEnd('。', '.', '；', ';'),
            ["答复截止日"] = D(r.DueDate),
            ["落款日期"] = D(issuedOn),
            ["救济途径"] = Remedies.Text(kind, settings.ReviewBody, settings.Court),
        };
        switch (kind.Type)
        {
            case LetterType.CorrectionNotice:
                values["补正事项"] = r.CorrectionPoints;
                values["补正期限"] = D(r.CorrectionDeadline);
                break;
            case LetterType.ExtensionNotice:
                values["延长工作日"] = r.ExtensionWorkingDays.ToString(CultureInfo.InvariantCulture);
                values["延期理由"] = r.ExtensionReason;
                break;
            case LetterType.ConsultationLetter:
                var pause = r.Pauses.SingleOrDefault(p => p.Sequence == pauseSequence)
                    ?? throw new DomainException(ValidationFailedException.ErrorCode, "找不到这次征求意见。");
                values["被征求意见方"] = pause.Party;
                values["征求意见依据"] = pause.Reason == PauseReason.CoMakerConsultation
                    ? "《中华人民共和国政府信息公开条例》第三十四条"
                    : "《中华人民共和国政府信息公开条例》第三十二条";
                values["回复期限"] = pause.LetterReceived is { } got
                    ? "至" + D(AnswerClock.ConsultationReplyDue(calendar, got).Date)
                    : "收到本函之日起 15 个工作日内";
                break;
            case LetterType.FeeNotice:
                values["收费方式"] = r.FeeMethod == FeeMethod.PerItem ? "按件计收" : "按量计收";
                values["收费依据"] = r.FeeMethod == FeeMethod.PerItem
                    ? $"您（以证件号码识别）{(r.Received ?? r.Arrived).Year}年{(r.Received ?? r.Arrived).Month}月提出的第 {r.FeeNthInMonth} 件政府信息公开申请"
                    : $"提供的信息共 {r.FeePages} 页（按页超额累进计收）";
                values["收费金额"] = r.FeeYuan?.ToString(CultureInfo.InvariantCulture);
                values["缴费期限"] = D(r.FeePaymentDeadline);
                break;
            case LetterType.Reply:
                var decision = kind.Decision!.Value;
                values["决定"] = DecisionCatalog.Of(decision).Name;
                values["法律依据"] = LegalBasis.Text(decision);
                values["答复内容"] = r.DecisionSummary;
                values["掌握机关"] = r.HoldingAgency ?? "无法确定";
                break;
            case LetterType.ServiceCertificate:
                values["送达文书"] = servedLetters.Count == 0
                    ? "政府信息公开申请答复书"
                    : string.Join("；", servedLetters.Select(l => l.Number is null ? l.Title : $"{l.Title}（{l.Number}）"));
                values["送达方式"] = r.ServiceMethod is { } m ? ServiceNames.Of(m) : "（送达时填写）";
                values["送达地址"] = !string.IsNullOrWhiteSpace(r.Address) ? r.Address : !string.IsNullOrWhiteSpace(r.Email) ? r.Email : "（送达时填写）";
                break;
        }

        return values;
    }

    /// <summary>The letters a 送达回证 lists: the current replies of the case.</summary>
    public async Task<IReadOnlyList<(string Title, string? Number)>> ServedLettersAsync(long applicationId, CancellationToken ct)
    {
        var rows = await db.ApplicationLetters.AsNoTracking()
            .Where(l => l.ApplicationId == applicationId && !l.Superseded && l.Kind.StartsWith("Reply."))
            .OrderBy(l => l.Id).Select(l => new { l.Title, l.DocumentNumber }).ToListAsync(ct);
        return [.. rows.Select(l => (l.Title, l.DocumentNumber))];
    }

    private static string? D(DateOnly? date) => date is { } d ? LetterDocument.ChineseDate(d) : null;
}
