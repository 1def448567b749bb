using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Gongkai.Core.Agencies;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.PersonalData;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Files;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>A file uploaded with an application or a correction. The stream must be seekable (its first bytes are checked).</summary>
public sealed record UploadedFile(string FileName, string ContentType, Stream Content);

/// <summary>What an intake produced: the case, its query code, and whether it was created now or found from an earlier submit with the same key.</summary>
public sealed record IntakeResult(ApplicationRecord Application, string QueryCode, bool Repeated);

/// <summary>A file in the file store with the name and type it came with, waiting for its attachment row.</summary>
public sealed record StoredAttachment(StoredFile File, string Name, string ContentType)
{
    public ApplicationAttachmentRecord For(long applicationId, AttachmentPurpose purpose, DateTimeOffset uploadedAt) => new()
    {
        ApplicationId = applicationId,
        Purpose = purpose,
        FileName = Name,
        ContentType = ContentType,
        Size = File.Size,
        Sha256 = File.Sha256,
        StorageKey = File.Key,
        UploadedAt = uploadedAt,
    };
}

/// <summary>The attachments an application may carry, checked by extension and by the file's own first bytes.</summary>
public static class AttachmentRules
{
    public const int MaxFiles = 5;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string MaxBytesText = "10 MB";
    public const string AllowedText = "PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, (string ContentType, byte[] Signature)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
    };

    /// <summary>A safe display name: the last path segment, no control characters, at most 100 characters.</summary>
    public static string CleanName(string name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/').Last();
        var clean = new string([.. last.Where(c => !char.IsControl(c) && c is not ('<' or '>' or '"' or '|' or '?' or '*' or ':'))]).Trim();
        if (clean.Length > 100)
        {
            var ext = Path.GetExtension(clean);
            clean = clean[..(100 - ext.Length)] + ext;
        }

        return clean.Length == 0 ? "附件" : clean;
    }

    /// <summary>Checks the files; returns each with its content type taken from what it really is, or throws a validation error naming the file.</summary>
    public static IReadOnlyList<(UploadedFile File, string ContentType)> Check(IReadOnlyList<UploadedFile> files, string field)
    {
        ArgumentNullException.ThrowIfNull(files);
        var v = new Validation();
        if (files.Count > MaxFiles)
        {
            v.Add(field, $"最多上传 {MaxFiles} 个附件。").ThrowIfInvalid();
        }

        var result = new List<(UploadedFile, string)>();
        foreach (var f in files)
        {
            var name = CleanName(f.FileName);
            if (!Types.TryGetValue(Path.GetExtension(name), out var type))
            {
                v.Add(field, $"附件“{name}”的类型不支持，请上传 {AllowedText} 文件。");
                continue;
            }

            if (!f.Content.CanSeek)
            {
                throw new ArgumentException("attachment streams must be seekable", nameof(files));
            }

            if (f.Content.Length == 0)
            {
                v.Add(field, $"附件“{name}”是空文件。");
                continue;
            }

            if (f.Content.Length > MaxBytes)
            {
                v.Add(field, $"附件“{name}”超过 {MaxBytesText}。");
                continue;
            }

            var head = new byte[type.Signature.Length];
            f.Content.Position = 0;
            f.Content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            f.Content.Position = 0;
            if (!head.AsSpan().SequenceEqual(type.Signature))
            {
                v.Add(field, $"附件“{name}”的内容与扩展名不符（不是有效的 {Path.GetExtension(name).TrimStart('.').ToUpperInvariant()} 文件）。");
                continue;
            }

            result.Add((f with { FileName = name }, type.ContentType));
        }

        v.ThrowIfInvalid();
        return result;
    }
}

/// <summary>
/// The part of intake shared by staff registration and the public form: validation of 第二十九条's contents, the
/// 受理编号 from the agency's pattern (unique under concurrency), the 查询码, encrypted personal data, attachments in
/// the file store, the first step of the case history and the key that makes a repeated submit find the same case.
/// </summary>
public sealed partial class ApplicationIntake(GongkaiDbContext db, PersonalDataProtector protector, IFileStore files, AgencyClock clock, CalendarProvider calendars)
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxIdempotencyKeyLength = 100;
    private const string QueryCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<IntakeResult?> FindRepeatAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var existing = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.IdempotencyKey == key, ct);
        return existing is null ? null : new IntakeResult(existing, protector.Unprotect(existing.QueryCodeProtected) ?? string.Empty, Repeated: true);
    }

    public async Task<IntakeResult> CreateAsync(ApplicationInput input, IReadOnlyList<UploadedFile> attachments, string? idempotencyKey, string registeredBy, string firstStepSummary, bool received, CancellationToken ct, string? applicantUserId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            throw new DomainException(ValidationFailedException.ErrorCode, "提交标识过长。");
        }

        if (await FindRepeatAsync(idempotencyKey, ct) is { } repeat)
        {
            return repeat;
        }

        var clean = Validate(input);
        var checkedFiles = AttachmentRules.Check(attachments, "Attachments");
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == clean.AgencyId, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到受理机关。");
        if (!agency.ReceivesApplications)
        {
            throw new DomainException("case.agency_does_not_receive", $"{agency.Name}不单独受理政府信息公开申请，请向其上级机关提出。");
        }

        var stored = await StoreAsync(checkedFiles, ct);
        try
        {
            var calendar = await calendars.GetAsync(db, ct);
            var domain = new ApplicationCase(clean.Channel, clean.Arrived, clean.Type);
            var queryCode = NewQueryCode();
            var now = clock.UtcNow;
            for (var attempt = 1; ; attempt++)
            {
                var year = clean.Arrived.Year;
                var sequence = await db.CaseNumberSequences.SingleOrDefaultAsync(s => s.AgencyId == agency.Id && s.Year == year, ct);
                if (sequence is null)
                {
                    sequence = new CaseNumberSequenceRecord { AgencyId = agency.Id, Year = year, Next = 1 };
                    db.CaseNumberSequences.Add(sequence);
                }

                var serial = sequence.Next;
                sequence.Next = serial + 1;
                var record = new ApplicationRecord
                {
                    AgencyId = agency.Id,
                    CaseNumber = FormatCaseNumber(agency.CaseNumberPattern, agency.ShortName, year, serial),
                    Type = clean.Type,
                    QueryCodeProtected = protector.Protect(queryCode),
                    IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey,
                    ApplicantUserId = applicantUserId,
                    ApplicantType = clean.ApplicantType,
                    ApplicantName = clean.ApplicantName,
                    IdDocumentType = clean.IdDocumentType,
                    IdNumberProtected = protector.Protect(clean.IdNumber)!,
                    IdNumberIndex = protector.BlindIndex(clean.IdNumber),
                    PhoneProtected = protector.Protect(clean.Phone)!,
                    ContactPerson = clean.ContactPerson,
                    Email = clean.Email,
                    Address = clean.Address,
                    PostalCode = clean.PostalCode,
                    Description = clean.Description,
                    ProvisionForm = clean.ProvisionForm,
                    DeliveryMethod = clean.DeliveryMethod,
                    Channel = clean.Channel,
                    Arrived = clean.Arrived,
                    RegisteredAt = now,
                    RegisteredBy = registeredBy,
                    UpdatedAt = now,
                    UpdatedBy = registeredBy,
                    Version = 1,
                };
                record.Apply(domain.ToSnapshot());
                var deadline = domain.Deadline(calendar);
                record.DueDate = deadline?.Due.Date;
                db.Applications.Add(record);
                try
                {
                    await db.SaveChangesAsync(ct);
                    var summary = firstStepSummary + (received
                        ? $"收到申请之日 {record.Received:yyyy-MM-dd}（{ChannelNames.Of(record.Channel)}），答复截止日 {deadline?.Due.Date:yyyy-MM-dd}。"
                        : $"{ChannelNames.Of(record.Channel)}，待双方确认后以确认之日为收到申请之日。");
                    db.ApplicationEvents.Add(new ApplicationEventRecord
                    {
                        ApplicationId = record.Id,
                        At = now,
                        Actor = registeredBy,
                        Kind = CaseEvents.Registered,
                        OnDate = record.Arrived,
                        Summary = summary,
                        StateAfter = record.State,
                        DueAfter = record.DueDate,
                        VisibleToApplicant = true,
                    });
                    db.ApplicationAttachments.AddRange(stored.Select(f => f.For(record.Id, AttachmentPurpose.Application, now)));

                    await db.SaveChangesAsync(ct);
                    return new IntakeResult(record, queryCode, Repeated: false);
                }
                catch (DbUpdateException) when (attempt < 10)
                {
                    // Another clerk took this serial at the same moment, or the same form was submitted twice at once.
                    db.ChangeTracker.Clear();
                    if (await FindRepeatAsync(idempotencyKey, ct) is { } raced)
                    {
                        Discard(stored);
                        return raced;
                    }
                }
            }
        }
        catch
        {
            Discard(stored);
            throw;
        }
    }

    /// <summary>Fills the agency's pattern: {简称}, {YYYY}, and {NNN…} (the serial, zero-padded to the number of N).</summary>
    public static string FormatCaseNumber(string pattern, string shortName, int year, int serial) =>
        Core.Common.NumberPattern.Format(pattern, year, serial, shortName);

    /// <summary>8 characters without look-alikes (0/O, 1/I): read out over the phone and typed back.</summary>
    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryCodeAlphabet, 8);

    /// <summary>A query code as typed: upper case, spaces and dashes dropped.</summary>
    public static string NormaliseQueryCode(string? code) =>
        new string([.. (code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();

    /// <summary>
    /// Puts checked files into the file store. Until the rows that record them are saved, the caller owns them: on
    /// failure it hands them back to <see cref="Discard"/>, so that no file is left without its row.
    /// </summary>
    public async Task<List<StoredAttachment>> StoreAsync(IReadOnlyList<(UploadedFile File, string ContentType)> checkedFiles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkedFiles);
        var stored = new List<StoredAttachment>();
        try
        {
            foreach (var (file, type) in checkedFiles)
            {
                var s = await files.SaveAsync(file.Content, AttachmentRules.MaxBytes, ct)
                    ?? throw new DomainException(ValidationFailedException.ErrorCode, $"附件“{file.FileName}”超过 {AttachmentRules.MaxBytesText}。");
                stored.Add(new StoredAttachment(s, file.FileName, type));
            }
        }
        catch
        {
            Discard(stored);
            throw;
        }

        return stored;
    }

    /// <summary>Removes stored files whose rows were not saved.</summary>
    public void Discard(IEnumerable<StoredAttachment> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var s in stored)
        {
            files.Delete(s.File.Key);
        }
    }

    private ApplicationInput Validate(ApplicationInput i)
    {
        var v = new Validation()
            .Require(nameof(i.ApplicantName), i.ApplicantName, i.ApplicantType == ApplicantType.NaturalPerson ? "申请人姓名" : "申请单位名称", 200)
            .Require(nameof(i.IdNumber), i.IdNumber, "证件号码", 50)
            .Require(nameof(i.Phone), i.Phone, "联系电话", 30)
            .Require(nameof(i.Description), i.Description, i.Type == CaseType.RecordCorrection ? "需要更正的信息及理由" : "所需信息的描述", MaxDescriptionLength)
            .MaxLength(nameof(i.ContactPerson), i.ContactPerson, "联系人", 100)
            .MaxLength(nameof(i.Email), i.Email, "电子邮箱", 200)
            .MaxLength(nameof(i.Address), i.Address, "通信地址", 300)
            .MaxLength(nameof(i.PostalCode), i.PostalCode, "邮政编码", 10);
        foreach (var (field, ok) in new[]
                 {
                     (nameof(i.ApplicantType), Enum.IsDefined(i.ApplicantType)), (nameof(i.IdDocumentType), Enum.IsDefined(i.IdDocumentType)),
                     (nameof(i.ProvisionForm), Enum.IsDefined(i.ProvisionForm)), (nameof(i.DeliveryMethod), Enum.IsDefined(i.DeliveryMethod)),
                     (nameof(i.Channel), Enum.IsDefined(i.Channel)), (nameof(i.Type), Enum.IsDefined(i.Type)),
                 })
        {
            if (!ok)
            {
                v.Add(field, "请选择一项。");
            }
        }

        var id = (i.IdNumber ?? string.Empty).Trim().ToUpperInvariant();
        if (id.Length > 0 && i.IdDocumentType == IdDocumentType.ResidentIdCard && !ResidentIdNumber.TryParse(id, out _, out var idError))
        {
            v.Add(nameof(i.IdNumber), idError);
        }

        if (id.Length > 0 && i.IdDocumentType == IdDocumentType.CreditCode && !CreditCode.TryParse(id, out _, out var codeError))
        {
            v.Add(nameof(i.IdNumber), codeError);
        }

        if (i.ApplicantType == ApplicantType.NaturalPerson && i.IdDocumentType == IdDocumentType.CreditCode)
        {
            v.Add(nameof(i.IdDocumentType), "自然人请选择居民身份证、护照或其他身份证件。");
        }

        if (i.ApplicantType != ApplicantType.NaturalPerson && Enum.IsDefined(i.ApplicantType) && i.IdDocumentType == IdDocumentType.ResidentIdCard)
        {
            v.Add(nameof(i.IdDocumentType), "法人或其他组织请填写统一社会信用代码或其他登记证件。");
        }

        if (i.ApplicantType != ApplicantType.NaturalPerson && string.IsNullOrWhiteSpace(i.ContactPerson))
        {
            v.Add(nameof(i.ContactPerson), "法人或其他组织请填写联系人。");
        }

        var phone = (i.Phone ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
        {
            v.Add(nameof(i.Phone), "联系电话应为手机号码或带区号的固定电话，如 13912345678 或 0472-5990381。");
        }

        if (!string.IsNullOrWhiteSpace(i.Email) && !MailAddress.TryCreate(i.Email.Trim(), out _))
        {
            v.Add(nameof(i.Email), "电子邮箱格式不正确。");
        }

        if (!string.IsNullOrWhiteSpace(i.PostalCode) && !PostalCodePattern().IsMatch(i.PostalCode.Trim()))
        {
            v.Add(nameof(i.PostalCode), "邮政编码应为 6 位数字。");
        }

        if (i.DeliveryMethod == DeliveryMethod.Post && string.IsNullOrWhiteSpace(i.Address))
        {
            v.Add(nameof(i.Address), "选择邮寄时请填写通信地址。");
        }

        if ((i.ProvisionForm == ProvisionForm.Email || i.DeliveryMethod == DeliveryMethod.Electronic) && string.IsNullOrWhiteSpace(i.Email))
        {
            v.Add(nameof(i.Email), "选择电子方式获取时请填写电子邮箱。");
        }

        if (i.Arrived > clock.Today())
        {
            v.Add(nameof(i.Arrived), "收到日期不能晚于今天。");
        }

        if (i.Arrived.Year < WorkingDayCalendar.FirstSupportedYear)
        {
            v.Add(nameof(i.Arrived), "收到日期不正确。");
        }

        v.ThrowIfInvalid();
        return i with
        {
            ApplicantName = i.ApplicantName.Trim(),
            IdNumber = id,
            Phone = phone,
            ContactPerson = NullIfBlank(i.ContactPerson),
            Email = NullIfBlank(i.Email),
            Address = NullIfBlank(i.Address),
            PostalCode = NullIfBlank(i.PostalCode),
            Description = i.Description.Trim(),
        };
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex PostalCodePattern();
}

/// <summary>The Chinese names of channels and other case vocabulary shown on pages and letters.</summary>
public static class ChannelNames
{
    public static string Of(Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交",
        Channel.Oral => "口头提出（工作人员代为填写）",
        Channel.PostSigned => "信件（挂号、签收）",
        Channel.PostOrdinary => "信件（平信）",
        Channel.Online => "网上申请",
        Channel.Fax => "传真",
        Channel.Email => "电子邮件",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}

/// <summary>Kinds of case-history entries that are not steps of the transition table.</summary>
public static class CaseEvents
{
    public const string Registered = "Registered";
    public const string ApplicantCorrected = "ApplicantCorrected";
    public const string CalendarRecomputed = "CalendarRecomputed";
    public const string RecordCorrected = "RecordCorrected";
}
