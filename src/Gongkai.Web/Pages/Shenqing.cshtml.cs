using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>
/// 申请公开: the public application form (条例第二十九条) and, in the response to the post itself, the 受理回执 with
/// the 受理编号 and the secret 查询码 (never put in a URL). A repeated submit of the same form shows the same receipt.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForm)]
[IgnoreAntiforgeryToken] // checked in OnPostAsync after the body is read (PublicUploadForm), so that an oversized body gets a clear answer
[RequestSizeLimit(PublicUploadForm.TransportLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PublicUploadForm.MaxRequestBytes)]
public sealed class ShenqingModel(GongkaiDbContext db, HumanCheck human, IAntiforgery antiforgery, SubmitApplication submit) : PageModel
{
    public const string FormKeyPurpose = "portal-apply";

    /// <summary>The fields in page order: the error summary lists them in this order.</summary>
    public static readonly IReadOnlyList<(string Field, string Anchor)> FieldOrder =
    [
        ("AgencyId", "AgencyId"), ("Type", "Type-InformationDisclosure"), ("ApplicantType", "ApplicantType-NaturalPerson"), ("ApplicantName", "ApplicantName"),
        ("IdDocumentType", "IdDocumentType"), ("IdNumber", "IdNumber"), ("Phone", "Phone"), ("ContactPerson", "ContactPerson"), ("Email", "Email"),
        ("Address", "Address"), ("PostalCode", "PostalCode"), ("Description", "Description"), ("ProvisionForm", "ProvisionForm-Paper"),
        ("DeliveryMethod", "DeliveryMethod-Collect"), ("Attachments", "Attachments"),
    ];

    public ApplyForm Input { get; private set; } = new();

    public string FormKey { get; private set; } = string.Empty;

    public IReadOnlyList<AgencyGroup> Agencies { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>A problem with the submission as a whole (human check, size, expired page).</summary>
    public string? FormError { get; private set; }

    /// <summary>Files were chosen but not kept because the form came back with errors.</summary>
    public bool FilesDropped { get; private set; }

    public Receipt? Result { get; private set; }

    public bool HasErrors => FormError is not null || Errors.Count > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        FormKey = PublicUploadForm.NewFormKey();
        Agencies = await AgenciesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // No handler parameters: binding one would make MVC read the form before the size check (PublicUploadForm).
        var ct = HttpContext.RequestAborted;
        var read = await PublicUploadForm.ReadAsync(HttpContext, antiforgery, ct);
        if (read.Form is not { } form)
        {
            return await AgainAsync(read.Error!, read.Status, ct);
        }

        Input = ApplyForm.Read(form);
        FormKey = form["FormKey"].ToString() is { Length: > 0 and <= 64 } key ? key : PublicUploadForm.NewFormKey();
        var files = PublicUploadForm.Files(form, "Attachments");
        if (human.Verify(form) is { } notHuman)
        {
            FilesDropped = files.Count > 0;
            return await AgainAsync(notHuman, StatusCodes.Status400BadRequest, ct);
        }

        var errors = new Dictionary<string, string>();
        try
        {
            var result = await submit.ExecuteAsync(Input.ToUseCase(), files, PublicUploadForm.UseCaseKey(FormKeyPurpose, FormKey), ct);
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == result.Application.AgencyId)
                .Select(a => new { a.Name, a.OfficeName, a.OfficePhone, a.OfficeAddress }).SingleAsync(ct);
            Result = new Receipt(
                result.Application.CaseNumber, result.QueryCode, result.Application.Type, agency.Name, agency.OfficeName, agency.OfficePhone, agency.OfficeAddress,
                result.Application.Arrived, result.Repeated);

            // The receipt carries the query code: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                errors[field] = message;
            }
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            // Only the agency is looked up after validation: none (or an unknown one) was chosen.
        }
        catch (DomainException ex) when (ex.Code == ValidationFailedException.ErrorCode)
        {
            errors["Attachments"] = ex.Message;
        }
        catch (DomainException ex) when (ex.Code == "case.agency_does_not_receive")
        {
            errors["AgencyId"] = ex.Message;
        }

        Agencies = await AgenciesAsync(ct);
        if (!Agencies.SelectMany(g => g.Agencies).Any(a => a.Id == Input.AgencyId))
        {
            errors.TryAdd("AgencyId", "请选择受理机关。");
        }

        Errors = errors;
        FilesDropped = files.Count > 0;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult> AgainAsync(string error, int status, CancellationToken ct)
    {
        FormError = error;
        if (FormKey.Length == 0)
        {
            FormKey = PublicUploadForm.NewFormKey();
        }

        Agencies = await AgenciesAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IReadOnlyList<AgencyGroup>> AgenciesAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ReceivesApplications).OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new AgencyChoice(a.Id, a.Name, a.Kind)).ToListAsync(ct);
        return [.. agencies.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => new AgencyGroup(IndexModel.KindName(g.Key), [.. g]))];
    }

    public sealed record AgencyChoice(int Id, string Name, AgencyKind Kind);

    public sealed record AgencyGroup(string Name, IReadOnlyList<AgencyChoice> Agencies);

    /// <summary>受理回执: what the applicant keeps.</summary>
    public sealed record Receipt(
        string CaseNumber, string QueryCode, CaseType Type, string AgencyName, string OfficeName, string OfficePhone, string OfficeAddress, DateOnly Submitted, bool Repeated);

    /// <summary>The form as posted, kept as typed so that it can be shown again with its errors.</summary>
    public sealed record ApplyForm
    {
        public int AgencyId { get; init; }

        public CaseType? Type { get; init; } = CaseType.InformationDisclosure;

        public ApplicantType? ApplicantType { get; init; }

        public string ApplicantName { get; init; } = string.Empty;

        public IdDocumentType? IdDocumentType { get; init; }

        public string IdNumber { get; init; } = string.Empty;

        public string Phone { get; init; } = string.Empty;

        public string ContactPerson { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string Address { get; init; } = string.Empty;

        public string PostalCode { get; init; } = string.Empty;

        public string Description { get; init; } = string.Empty;

        public ProvisionForm? ProvisionForm { get; init; }

        public DeliveryMethod? DeliveryMethod { get; init; }

        public static ApplyForm Read(IFormCollection f)
        {
            ArgumentNullException.ThrowIfNull(f);
            static T? Choice<T>(string? value)
                where T : struct, Enum => Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _) ? v : null;
            return new ApplyForm
            {
                AgencyId = int.TryParse(f["AgencyId"], out var id) ? id : 0,
                Type = Choice<CaseType>(f["Type"]),
                ApplicantType = Choice<ApplicantType>(f["ApplicantType"]),
                ApplicantName = f["ApplicantName"].ToString(),
                IdDocumentType = Choice<IdDocumentType>(f["IdDocumentType"]),
                IdNumber = f["IdNumber"].ToString(),
                Phone = f["Phone"].ToString(),
                ContactPerson = f["ContactPerson"].ToString(),
                Email = f["Email"].ToString(),
                Address = f["Address"].ToString(),
                PostalCode = f["PostalCode"].ToString(),
                Description = f["Description"].ToString(),
                ProvisionForm = Choice<ProvisionForm>(f["ProvisionForm"]),
                DeliveryMethod = Choice<DeliveryMethod>(f["DeliveryMethod"]),
            };
        }

        /// <summary>An unanswered choice goes to the use case as an undefined value, which it reports as 请选择一项.</summary>
        public ApplicationInput ToUseCase() => new()
        {
            AgencyId = AgencyId,
            Type = Type ?? (CaseType)(-1),
            ApplicantType = ApplicantType ?? (ApplicantType)(-1),
            ApplicantName = ApplicantName,
            IdDocumentType = IdDocumentType ?? (IdDocumentType)(-1),
            IdNumber = IdNumber,
            Phone = Phone,
            ContactPerson = ContactPerson,
            Email = Email,
            Address = Address,
            PostalCode = PostalCode,
            Description = Description,
            ProvisionForm = ProvisionForm ?? (ProvisionForm)(-1),
            DeliveryMethod = DeliveryMethod ?? (DeliveryMethod)(-1),
        };
    }
}
