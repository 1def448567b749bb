using Gongkai.Core.Cases;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// Plays the scripts of <see cref="DemoHistory"/>: each past application is registered and stepped through with the same
/// use cases as the current ones (<see cref="RegisterApplication"/>, <see cref="PerformCaseStep"/> with the procedural
/// dates of the past), so every rule is checked, every step is in the case history, and due dates come from the official
/// calendar. The 台账 import (<see cref="ImportCaseRegister"/>) would have been faster but leaves one “imported” entry
/// instead of a history. The history entries carry the procedural date (办理日期) of each step; the instant they were
/// recorded is the moment of the load, as for any step entered after the fact.
/// </summary>
public sealed partial class DemoCases
{
    private const string Office = "gkb";

    private async Task LoadHistoryAsync(CancellationToken ct)
    {
        var keyed = new Dictionary<string, DemoCase>(StringComparer.Ordinal);
        var n = 0;
        foreach (var script in DemoHistory.Plan(_calendar, _today))
        {
            var c = await PlayAsync(script, ++n, ct);
            if (script.Key is { } key)
            {
                keyed[key] = c;
            }

            // Each case is done: forget the tracked records so that the load does not slow down as it goes.
            db.ChangeTracker.Clear();
        }

        if (keyed.TryGetValue(DemoHistory.ReviewedCaseKey, out var reviewed))
        {
            await ReviewsAsync(reviewed.Id, ct);
        }
    }

    private async Task<DemoCase> PlayAsync(DemoHistoryCase s, int n, CancellationToken ct)
    {
        var person = s.Applicant.Type == ApplicantType.NaturalPerson;
        var byEmail = s.Channel == Channel.Email;
        var delivery = byEmail ? DeliveryMethod.Electronic : s.Channel is Channel.InPerson ? DeliveryMethod.Collect : DeliveryMethod.Post;
        var c = await RegisterAsync(Office, District, new ApplicationInput
        {
            AgencyId = _agencies[District],
            ApplicantType = s.Applicant.Type,
            ApplicantName = s.Applicant.Name,
            IdDocumentType = s.Applicant.IdType,
            IdNumber = s.Applicant.IdNumber,
            Phone = s.Applicant.Phone,
            ContactPerson = s.Applicant.ContactPerson,
            Email = byEmail ? $"applicant{n}@example.com" : null,
            Address = person ? $"包头市昆都仑区演示路 {100 + (n % 300)} 号" : $"包头市昆都仑区演示大街 {n % 90} 号",
            PostalCode = "014010",
            Description = s.Description,
            ProvisionForm = byEmail ? ProvisionForm.Email : ProvisionForm.Paper,
            DeliveryMethod = delivery,
            Channel = s.Channel,
            Arrived = s.Arrived,
            Type = CaseType.InformationDisclosure,
        }, ct);

        var received = s.Arrived;
        if (!ApplicationCase.ReceivedOnArrival(s.Channel))
        {
            received = Next(s.Arrived, 1);
            await StepAsync(c, Office, new ConfirmReceiptStep(received, "电话联系申请人，双方确认收到申请。"), ct);
        }

        var start = received;
        switch (s.Correction)
        {
            case DemoCorrection.Lapsed:
                var asked = Next(received, 2);
                var deadline = Next(asked, 15);
                await StepAsync(c, Office, new RequestCorrectionStep(asked, deadline, "请写明所需信息的名称、文号、形成时间或所涉项目、地块的位置等便于查找的特征描述。"), ct);
                var lapsed = Next(deadline, 1);
                await StepAsync(c, Office, new LapseCorrectionStep(lapsed), ct);
                await FinishAsync(c, s, lapsed, delivery, n, ct);
                return c;
            case DemoCorrection.Received:
                var sent = Next(received, 1 + (s.Speed % 3));
                await StepAsync(c, Office, new RequestCorrectionStep(sent, Next(sent, 15), "请写明所需信息的名称、文号、形成时间或所涉项目、地块的位置等便于查找的特征描述。"), ct);
                start = Next(sent, 3 + (s.Speed % 5));
                await StepAsync(c, Office, new ReceiveCorrectionStep(start, s.Decision == DecisionType.UnclearAfterCorrection ? "就是我家那块地，当年说要征收的那块。" : "补充了项目名称和大致形成时间。"), ct);
                break;
            default:
                await StepAsync(c, Office, new AcceptStep(), ct);
                break;
        }

        if (s.AssignTo is { } unit)
        {
            await StepAsync(c, Office, new AssignStep(_agencies[unit]), ct);
        }

        if (s.Decision == DecisionType.Other)
        {
            var withdrawn = Next(start, 2 + (s.Speed % 6));
            await StepAsync(c, Office, new WithdrawStep(withdrawn, s.Summary), ct);
            await FinishAsync(c, s, withdrawn, delivery, n, ct);
            return c;
        }

        var last = start;
        if (s.Consultation is { } consultation)
        {
            var letter = Next(start, 3);
            await StepAsync(c, Office, new StartConsultationStep(consultation.Reason, consultation.Party, letter, letter.AddDays(2)), ct);
            last = Next(letter, 5 + (s.Speed % 6));
            await StepAsync(c, Office, new EndConsultationStep(last, Opinion: consultation.Opinion), ct);
        }

        if (s.Fee is { } fee)
        {
            var notice = Next(start, 3);
            await StepAsync(c, Office, new SendFeeNoticeStep(notice, fee.Method, fee.Pages, fee.Note), ct);
            if (!fee.Paid)
            {
                var lapsed = Next(AnswerClock.FeePaymentDue(_calendar, notice).Date, 1);
                await StepAsync(c, Office, new LapseFeeStep(lapsed), ct);
                await FinishAsync(c, s, lapsed, delivery, n, ct);
                return c;
            }

            last = Next(notice, 4);
            await StepAsync(c, Office, new RecordPaymentStep(last), ct);
        }

        var due = c.Due ?? throw new InvalidOperationException("the clock of a demo case did not start");
        DateOnly decided;
        if (s.ExtensionDays > 0)
        {
            await StepAsync(c, Office, new ExtendStep(s.ExtensionDays, "所需信息涉及多个年度的档案，需调取并逐件核对，无法在 20 个工作日内答复。", Previous(due, 2)), ct);
            decided = Min(c.Due!.Value, Next(due, 2 + (s.Speed % 6)));
        }
        else if (s.Late)
        {
            decided = Next(due, 1 + (s.Speed % 2));
        }
        else
        {
            decided = Min(due, Next(last, s.Speed));
        }

        if (s.CarriedForward)
        {
            // Received in late December, answered in January: 结转下年度继续办理.
            var january = Next(new DateOnly(s.Year, 12, 31), 1 + (s.Speed % 4));
            decided = decided < january ? Min(c.Due!.Value, january) : decided;
        }

        await StepAsync(c, Office, new DecideStep(s.Decision, decided, s.Summary, s.HoldingAgency), ct);
        await FinishAsync(c, s, decided, delivery, n, ct);
        return c;
    }

    /// <summary>Serves the answer (same day, or the next working day for some collected in person while still on time) and archives it.</summary>
    private async Task FinishAsync(DemoCase c, DemoHistoryCase s, DateOnly decided, DeliveryMethod delivery, int n, CancellationToken ct)
    {
        var (method, evidence) = delivery switch
        {
            DeliveryMethod.Collect => (ServiceMethod.Direct, "申请人当面签收。"),
            DeliveryMethod.Electronic => (ServiceMethod.Electronic, "已发送至申请人电子邮箱。"),
            _ => (ServiceMethod.Postal, "妥投信息已核对（演示）"),
        };
        var served = method == ServiceMethod.Direct && s.Speed % 2 == 1 && c.Due is { } due && Next(decided, 1) <= due ? Next(decided, 1) : decided;
        if (s.CarriedForward ? served.Year != s.Year + 1 : served.Year != s.Year)
        {
            throw new InvalidOperationException($"demo script of {s.Arrived:yyyy-MM-dd} served in the wrong year ({served:yyyy-MM-dd})");
        }

        // Every fourth past reply was also entered as a letter (dated the decision day), so the past years show letters
        // without making the demo load much slower.
        if (n % 4 == 0)
        {
            await LetterAsync(c, Office, "Reply", decided, ct);
        }

        await StepAsync(c, Office, new ServeStep(served, method, evidence, method == ServiceMethod.Postal ? $"11{s.Year}{n:D7}" : null), ct);
        var archived = Next(served, 3 + (s.Speed % 8));
        if (s.Archived && archived <= _today)
        {
            await StepAsync(c, Office, new ArchiveStep(archived), ct);
        }
    }

    /// <summary>
    /// The 2024 行政复议 against the district government's answer (upheld in 2024) and the suit after it (filed in 2024,
    /// judged in 2025), registered with the review use cases as the disclosure office would.
    /// </summary>
    private async Task ReviewsAsync(long applicationId, CancellationToken ct)
    {
        As(Office, District);
        var served = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.Served).SingleAsync(ct)
            ?? throw new InvalidOperationException("the reviewed demo case was not served");
        var filed = served.AddDays(40);
        var review = await registerReview.ExecuteAsync(new ReviewCaseInput
        {
            AgencyId = _agencies[District],
            ApplicationId = applicationId,
            Kind = ReviewKind.AdministrativeReview,
            ExternalNumber = "包府复〔2024〕47号",
            Body = "包头市人民政府",
            Filed = filed,
            Notes = "申请人认为区政府应当掌握所申请的征地补偿安置方案，答复“本机关不掌握”不当。",
        }, ct);
        var copy = filed.AddDays(5);
        review = await recordReviewAnswer.ExecuteAsync(review.Id, review.Version, copy, copy.AddDays(8), ct);
        var decided = filed.AddDays(58);
        await recordReviewOutcome.ExecuteAsync(review.Id, review.Version, ReviewOutcomeDetail.Upheld, decided, "复议机关认为区政府已尽合理检索义务并告知了掌握该信息的机关，决定维持。", ct);

        var suedOn = decided.AddDays(12);
        var suit = await registerReview.ExecuteAsync(new ReviewCaseInput
        {
            AgencyId = _agencies[District],
            Kind = ReviewKind.LitigationAfterReview,
            PreviousReviewId = review.Id,
            ExternalNumber = "（2024）内02行初86号",
            Body = "包头市中级人民法院",
            Filed = suedOn,
            Notes = "复议维持后，申请人以区政府和复议机关为共同被告提起诉讼。",
        }, ct);
        var suitCopy = suedOn.AddDays(9);
        suit = await recordReviewAnswer.ExecuteAsync(suit.Id, suit.Version, suitCopy, suitCopy.AddDays(12), ct);
        var judged = new DateOnly(2025, 3, 18);
        if (judged <= _today)
        {
            await recordReviewOutcome.ExecuteAsync(suit.Id, suit.Version, ReviewOutcomeDetail.Upheld, judged, "一审判决驳回原告的诉讼请求。", ct);
        }
    }

    /// <summary>The working day <paramref name="workingDays"/> working days after <paramref name="from"/>.</summary>
    private DateOnly Next(DateOnly from, int workingDays) => _calendar.AddWorkingDays(from, workingDays).Date;

    /// <summary>The working day <paramref name="workingDays"/> working days before <paramref name="from"/>.</summary>
    private DateOnly Previous(DateOnly from, int workingDays)
    {
        var d = from;
        for (var counted = 0; counted < workingDays;)
        {
            d = d.AddDays(-1);
            if (_calendar.IsWorkingDay(d))
            {
                counted++;
            }
        }

        return d;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
