using System.Globalization;
using System.Security.Cryptography;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>
/// 登记申请: staff register an application that arrived on any channel, with its attachments. The form carries a
/// random request key made when it was opened, so a double submit registers one case.
/// </summary>
[Authorize(Policy = Policies.CaseHandler)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class NewModel(RegisterApplication register, ListAgencies agencies, StaffContext staff, AgencyClock clock) : PageModel
{
    public const long MaxRequestBytes = (AttachmentRules.MaxFiles * AttachmentRules.MaxBytes) + (1024 * 1024);

    public ApplicationInput Input { get; private set; } = new();

    public string RequestKey { get; private set; } = string.Empty;

    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public static string NewRequestKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new ApplicationInput { AgencyId = staff.ActingAgencyId ?? 0, Arrived = clock.Today(), Channel = Channel.InPerson };
        RequestKey = NewRequestKey();
        Agencies = await agencies.ExecuteAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? requestKey, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Input = ReadInput(errors);
        RequestKey = string.IsNullOrWhiteSpace(requestKey) ? NewRequestKey() : requestKey;
        var files = new List<UploadedFile>();
        try
        {
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            foreach (var file in Request.Form.Files.Where(f => f.Name == "Attachments" && f.Length > 0))
            {
                if (file.Length > AttachmentRules.MaxBytes)
                {
                    throw new ValidationFailedException(new Dictionary<string, string> { ["Attachments"] = $"附件“{AttachmentRules.CleanName(file.FileName)}”超过 {AttachmentRules.MaxBytesText}。" });
                }

                var copy = new MemoryStream();
                await file.CopyToAsync(copy, ct);
                copy.Position = 0;
                files.Add(new UploadedFile(file.FileName, file.ContentType, copy));
            }

            var result = await register.ExecuteAsync(Input, files, RequestKey, ct);
            Message = result.Repeated
                ? $"该申请已登记（受理编号 {result.Application.CaseNumber}），重复提交未再次登记。"
                : $"已登记申请，受理编号 {result.Application.CaseNumber}。";
            return Redirect($"/Admin/Applications/{result.Application.Id.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            FormError = "请修改标出的内容后再登记。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            Errors = new Dictionary<string, string> { ["AgencyId"] = "请选择您所在的受理机关。" };
            FormError = "请修改标出的内容后再登记。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException ex)
        {
            FormError = ex.Message;
            Response.StatusCode = ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        }
        finally
        {
            foreach (var f in files)
            {
                await f.Content.DisposeAsync();
            }
        }

        Agencies = await agencies.ExecuteAsync(ct);
        return Page();
    }

    private ApplicationInput ReadInput(Dictionary<string, string> errors)
    {
        var f = Request.Form;
        T Choice<T>(string name)
            where T : struct, Enum => Enum.TryParse<T>(f[name], out var v) && Enum.IsDefined(v) ? v : (T)(object)(-1);
        var arrived = DateOnly.TryParseExact(f["Arrived"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a) ? a : default;
        if (arrived == default)
        {
            errors["Arrived"] = "请填写收到日期（如 2026-03-02）。";
        }

        // The applicant's fields are read as on the public form; staff add the channel and the arrival date.
        return ShenqingModel.ApplyForm.Read(f).ToUseCase() with
        {
            Channel = Choice<Channel>("Channel"),
            Arrived = arrived == default ? clock.Today() : arrived,
        };
    }
}
