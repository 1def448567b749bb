using Gongkai.Core.Common;
using Gongkai.Data.Agencies;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Agencies;

/// <summary>新建机构 (no id) and 修改机构 (with id). Agencies outside the administrator's scope are 404.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
public sealed class EditModel(ListAgencies list, GetAgency get, CreateAgency create, UpdateAgency update) : PageModel
{
    public int? Id { get; private set; }

    public int Version { get; private set; }

    public AgencyInput Input { get; private set; } = new();

    public IReadOnlyList<AgencyNode> Choices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var record = await get.ExecuteAsync(existing, ct);
            Input = AgencyInput.From(record);
            Version = record.Version;
        }

        Choices = await list.ExecuteAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int version, CancellationToken ct)
    {
        Id = id;
        Version = version;
        Input = ReadInput();
        try
        {
            if (id is { } existing)
            {
                await update.ExecuteAsync(existing, Input, version, ct);
                Message = $"已保存“{Input.Name.Trim()}”。";
            }
            else
            {
                await create.ExecuteAsync(Input, ct);
                Message = $"已新建“{Input.Name.Trim()}”。";
            }

            return Redirect("/Admin/Agencies");
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            FormError = "请修改标出的内容后再保存。";
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            FormError = ex.Message;
            Response.StatusCode = ex.Code == UpdateAgency.ConcurrentEditCode ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }

        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Choices = await list.ExecuteAsync(ct);
        return Page();
    }

    private AgencyInput ReadInput()
    {
        var f = Request.Form;
        int? Id(string name) => int.TryParse(f[name], out var v) ? v : null;
        return new AgencyInput
        {
            Name = f["Name"].ToString(),
            ShortName = f["ShortName"].ToString(),
            Kind = Enum.TryParse<AgencyKind>(f["Kind"], out var kind) ? kind : (AgencyKind)(-1),
            ParentId = Id("ParentId"),
            SupervisorId = Id("SupervisorId"),
            CreditCode = f["CreditCode"].ToString(),
            SortOrder = int.TryParse(f["SortOrder"], out var sort) ? sort : 0,
            ReceivesApplications = f["ReceivesApplications"] == "true",
            OfficeName = f["OfficeName"].ToString(),
            OfficeAddress = f["OfficeAddress"].ToString(),
            OfficeHours = f["OfficeHours"].ToString(),
            OfficePhone = f["OfficePhone"].ToString(),
            OfficeFax = f["OfficeFax"].ToString(),
            OfficeEmail = f["OfficeEmail"].ToString(),
            OfficeWebsite = f["OfficeWebsite"].ToString(),
            IndexNumberPattern = f["IndexNumberPattern"].ToString(),
            CaseNumberPattern = f["CaseNumberPattern"].ToString(),
            ReportScope = Enum.TryParse<ReportScope>(f["ReportScope"], out var scope) ? scope : (ReportScope)(-1),
        };
    }
}
