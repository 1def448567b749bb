using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Admin.Catalogue;

/// <summary>
/// 起草 and 修改 an item (also at /Admin/Catalogue/New, without an id): every metadata field, attachments, and the
/// automatic-check findings beside 标题, 内容概述 and 正文 — live while the author types (catalogue-editor.js posts the
/// text, unsaved, to the read-only Check handler), else after each save — each with its suggested fix in one click.
/// </summary>
[Authorize(Policy = Policies.CatalogueUser)]
[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
public sealed class EditModel(
    GetCatalogueItem get,
    CreateCatalogueItem create,
    UpdateCatalogueItem update,
    SubmitCatalogueItem submit,
    CheckCatalogueItem check,
    AddCatalogueAttachment attach,
    RemoveCatalogueAttachment remove,
    GetCatalogueTerms terms,
    ListCatalogueItems list,
    ListNormativeDocuments documents,
    ListAgencies agencies,
    StaffContext staff,
    AgencyClock clock) : FormPage
{
    public const string Form = "Item";

    /// <summary>The three checked fields in the order they appear.</summary>
    public static IReadOnlyList<string> CheckedFields { get; } = ["Title", "Summary", "Body"];

    public CatalogueItemDetail? Detail { get; private set; }

    public CatalogueTerms Terms { get; private set; } = new([], [], []);

    /// <summary>The units this user may draft for (new items).</summary>
    public IReadOnlyList<AgencyNode> AuthorAgencies { get; private set; } = [];

    public AgencyNode? Agency { get; private set; }

    public IReadOnlyList<string> Article21 { get; private set; } = [];

    /// <summary>The agency's documents a 政策解读 may interpret (a search, plus those chosen).</summary>
    public IReadOnlyList<(int Id, string Title)> DocumentChoices { get; private set; } = [];

    public IReadOnlyList<UseCases.Publishing.NormativeDocumentItem> RegisterChoices { get; private set; } = [];

    public ItemCheckResult? Findings { get; private set; }

    public string RequestKey { get; private set; } = Applications.NewModel.NewRequestKey();

    [TempData]
    public string? Message { get; set; }

    public bool IsNew => Detail is null;

    public bool MayAuthor { get; private set; }

    public string Self => Detail is null ? "/Admin/Catalogue/New" : $"/Admin/Catalogue/{Detail.Item.Id}/Edit";

    /// <summary>A field as typed when the form was posted back (refused, fixed or searched), else the saved value.</summary>
    public string Field(string name, string? saved) => Value(Form, name, saved);

    /// <summary>The values of a multi-valued field (key areas, interpreted documents) as posted or saved.</summary>
    public IReadOnlyList<string> Values(string name, IEnumerable<string> saved) =>
        FailedForm == Form && Request.HasFormContentType ? [.. Request.Form[name].Select(v => v ?? string.Empty)] : [.. saved];

    public string? FieldError(string name) => Error(Form, name);

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(int? id, int? agency, CancellationToken ct)
    {
        if (!await LoadAsync(id, agency, ct))
        {
            return NotFound();
        }

        if (Detail is { } d)
        {
            if (!d.Actions.Edit)
            {
                return Page();
            }

            Findings = await check.ExecuteAsync(d.Item.AgencyId, d.Item.Title, d.Item.Summary, d.Item.Body, checkLinks: false, ct);
        }

        return Page();
    }

    /// <summary>保存 (a new item is created; a draft is updated).</summary>
    public async Task<IActionResult> OnPostAsync(int? id, int? expectedVersion, string? requestKey, CancellationToken ct) =>
        await SaveAsync(id, expectedVersion, requestKey, andSubmit: false, ct);

    /// <summary>保存并提交审核: saves, then submits; a blocking finding keeps the author here with the findings beside the fields.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(int? id, int? expectedVersion, string? requestKey, CancellationToken ct) =>
        await SaveAsync(id, expectedVersion, requestKey, andSubmit: true, ct);

    /// <summary>The findings for the text as typed (not saved), without links: the editor's live check.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int? id, CancellationToken ct)
    {
        try
        {
            var agencyId = await AgencyOfAsync(id, ct);
            var result = await check.ExecuteAsync(agencyId, Request.Form["Title"], Request.Form["Summary"], Request.Form["Body"], checkLinks: false, ct);
            return new JsonResult(new
            {
                blocks = result.Blocks,
                findings = result.Findings.Select(f => new
                {
                    field = f.Field,
                    code = f.Finding.Kind.ToString(),
                    kind = Kind(f.Finding.Kind),
                    blocking = f.Finding.Severity == CheckSeverity.Blocking,
                    severity = Severity(f.Finding.Severity),
                    start = f.Finding.Start,
                    length = f.Finding.Length,
                    found = f.Finding.Found,
                    suggestion = f.Finding.Suggestion,
                    message = f.Finding.Message,
                }),
            });
        }
        catch (ValidationFailedException ex)
        {
            return new JsonResult(new { errors = ex.Errors }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        catch (DomainException ex)
        {
            return new JsonResult(new { error = ex.Message }) { StatusCode = ex.Code == StaffContext.NotFoundCode ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest };
        }
    }

    /// <summary>一键改正 without JavaScript: applies one finding's suggestion ("Body:12") to the text as typed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFixAsync(int? id, string? fix, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct))
        {
            return NotFound();
        }

        FailedForm = Form;
        var parts = (fix ?? string.Empty).Split(':');
        var texts = CheckedFields.ToDictionary(f => f, f => Request.Form[f].ToString());
        Findings = await check.ExecuteAsync(Agency!.Id, texts["Title"], texts["Summary"], texts["Body"], checkLinks: false, ct);
        if (parts.Length == 2 && texts.ContainsKey(parts[0]) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && Findings.Findings.FirstOrDefault(f => f.Field == parts[0] && f.Finding.Start == start && f.Finding.Suggestion is not null) is { } one)
        {
            try
            {
                texts[one.Field] = ContentFindingText.Apply(texts[one.Field], one.Finding);
                Fixed = texts;
                Findings = await check.ExecuteAsync(Agency.Id, texts["Title"], texts["Summary"], texts["Body"], checkLinks: false, ct);
                FormMessage = $"已按建议改为“{one.Finding.Suggestion}”，尚未保存。请检查后保存。";
            }
            catch (DomainException ex)
            {
                FormError = ex.Message;
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }

        return Page();
    }

    /// <summary>
    /// The form again with what was typed kept, for the unit posted: 查找 (the agency's documents a 政策解读 may
    /// interpret) and, for a new item, 按所选单位更新选项 (the choices that depend on the unit: 第二十一条 items, those
    /// documents, the register). A saved item's unit does not change.
    /// </summary>
    public async Task<IActionResult> OnPostSearchAsync(int? id, string? documentSearch, CancellationToken ct)
    {
        FailedForm = Form;
        return await LoadAsync(id, null, ct, documentSearch) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAttachAsync(int? id, int expectedVersion, IFormFile? file, CancellationToken ct)
    {
        if (id is not { } itemId)
        {
            return NotFound();
        }

        FailedForm = "Attach";
        if (file is null || file.Length == 0)
        {
            Invalid(new Dictionary<string, string> { ["File"] = "请选择要上传的文件。" }, "未能上传附件：请选择文件。");
            return await LoadAsync(id, null, ct) ? Page() : NotFound();
        }

        await using var copy = new MemoryStream();
        await file.CopyToAsync(copy, ct);
        copy.Position = 0;
        try
        {
            await attach.ExecuteAsync(itemId, expectedVersion, new UploadedFile(file.FileName, file.ContentType ?? string.Empty, copy), ct);
            Message = $"已添加附件：{AttachmentRules.CleanName(file.FileName)}。";
            return Redirect(Self2(itemId));
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            Refuse(ex, "未能上传附件：", CatalogueRules.StageCode);
            return await LoadAsync(id, null, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int? id, int expectedVersion, int attachmentId, CancellationToken ct)
    {
        if (id is not { } itemId)
        {
            return NotFound();
        }

        FailedForm = "Remove";
        try
        {
            await remove.ExecuteAsync(itemId, expectedVersion, attachmentId, ct);
            Message = "已删除附件。";
            return Redirect(Self2(itemId));
        }
        catch (DomainException ex)
        {
            Refuse(ex, "未能删除附件：", CatalogueRules.StageCode);
            return await LoadAsync(id, null, ct) ? Page() : NotFound();
        }
    }

    /// <summary>The texts after a one-click fix (shown instead of what was posted).</summary>
    public IReadOnlyDictionary<string, string>? Fixed { get; private set; }

    /// <summary>A note about the form that is not an error (a fix applied, not yet saved).</summary>
    public string? FormMessage { get; private set; }

    /// <summary>A checked field's text: after a fix, as fixed; else as posted or saved.</summary>
    public string Text(string name, string? saved) => Fixed is not null && Fixed.TryGetValue(name, out var t) ? t : Field(name, saved);

    public static string Kind(CheckKind kind) => kind switch
    {
        CheckKind.NonStandardExpression => "不规范表述",
        CheckKind.SensitiveWord => "敏感词",
        CheckKind.PersonalData => "个人信息",
        _ => "链接",
    };

    public static string Severity(CheckSeverity severity) => severity == CheckSeverity.Blocking ? "必须修改" : "提示";

    private static string Self2(int id) => $"/Admin/Catalogue/{id}/Edit";

    private async Task<IActionResult> SaveAsync(int? id, int? expectedVersion, string? requestKey, bool andSubmit, CancellationToken ct)
    {
        FailedForm = Form;
        RequestKey = string.IsNullOrWhiteSpace(requestKey) ? RequestKey : requestKey;
        var errors = new Dictionary<string, string>();
        var input = ReadInput(errors);
        if (errors.Count > 0)
        {
            Invalid(errors, "未能保存：请修改标出的内容。");
            return await LoadAsync(id, input.AgencyId, ct) ? Page() : NotFound();
        }

        int itemId;
        int version;
        try
        {
            if (id is { } existing)
            {
                itemId = existing;
                version = await update.ExecuteAsync(existing, expectedVersion ?? 0, input, ct);
            }
            else
            {
                itemId = await create.ExecuteAsync(input, RequestKey, ct);
                version = 1;
                if (andSubmit)
                {
                    version = (await get.ExecuteAsync(itemId, ct)).Item.Version;
                }
            }
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode || id is null)
        {
            Refuse(ex, "未能保存：", CatalogueRules.StageCode);
            if (ex is ValidationFailedException)
            {
                FormError = "未能保存：请修改标出的内容。";
            }

            return await LoadAsync(id, input.AgencyId, ct) ? Page() : NotFound();
        }

        if (!andSubmit)
        {
            Message = "已保存。";
            return Redirect(Self2(itemId));
        }

        try
        {
            var result = await submit.ExecuteAsync(itemId, version, RequestKey + "-submit", ct);
            Message = result.Warnings.Count == 0 ? "已提交审核，等待初审。自动检查未发现问题。" : $"已提交审核，等待初审。自动检查有 {result.Warnings.Count} 处提示，已随信息交审核人参考。";
            return Redirect($"/Admin/Catalogue/{itemId}");
        }
        catch (ContentBlockedException ex)
        {
            // Saved, but not submitted: the author stays in the editor with the findings beside the fields.
            await LoadAsync(itemId, null, ct);
            FailedForm = null;
            Findings = ex.Result;
            FormError = "已保存，但未提交审核：" + ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            await LoadAsync(itemId, null, ct);
            FailedForm = null;
            Refuse(ex, "已保存，但未提交审核：", CatalogueRules.StageCode);
            return Page();
        }
    }

    private CatalogueItemInput ReadInput(Dictionary<string, string> errors)
    {
        var f = Request.Form;
        string? Text(string name) => string.IsNullOrWhiteSpace(f[name]) ? null : f[name].ToString();
        int? Int(string name) => int.TryParse(f[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        T Choice<T>(string name, T fallback)
            where T : struct, Enum => Enum.TryParse<T>(f[name], out var v) && Enum.IsDefined(v) ? v : fallback;
        return new CatalogueItemInput
        {
            AgencyId = Int("AgencyId") ?? 0,
            Kind = Choice("Kind", ItemKind.Information),
            Title = Text("Title"),
            Summary = Text("Summary"),
            Body = f["Body"].ToString(),
            PublishingAgency = Text("PublishingAgency"),
            DocumentNumber = Text("DocumentNumber"),
            Formed = FormDates.Parse(f["Formed"], "Formed", "成文日期", errors, required: true),
            Changed = FormDates.Parse(f["Changed"], "Changed", "变更日期", errors, required: false),
            Topic = Text("Topic"),
            Directory = Choice("Directory", ColumnDirectory.Statutory),
            Article20Item = Int("Article20Item"),
            Article21Item = Text("Article21Item"),
            Validity = Text("Validity"),
            EffectiveOn = FormDates.Parse(f["EffectiveOn"], "EffectiveOn", "生效日期", errors, required: false),
            RepealedOn = FormDates.Parse(f["RepealedOn"], "RepealedOn", "废止日期", errors, required: false),
            Attribute = Choice("Attribute", DisclosureAttribute.Proactive),
            Keywords = Text("Keywords"),
            Source = Text("Source"),
            KeyAreas = [.. f["KeyAreas"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)],
            Interprets = [.. f["Interprets"].Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0)],
            NormativeDocumentId = Int("NormativeDocumentId"),
        };
    }

    private async Task<int> AgencyOfAsync(int? id, CancellationToken ct)
    {
        if (id is { } itemId)
        {
            return (await get.ExecuteAsync(itemId, ct)).Item.AgencyId;
        }

        if (int.TryParse(Request.Form["AgencyId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var agency) && staff.CanSee(agency))
        {
            return agency;
        }

        return staff.ActingAgencyId ?? throw new DomainException(StaffContext.NotFoundCode, "请选择单位。");
    }

    private async Task<bool> LoadAsync(int? id, int? agency, CancellationToken ct, string? documentSearch = null)
    {
        var all = await agencies.ExecuteAsync(ct);
        if (id is { } itemId)
        {
            try
            {
                Detail = await get.ExecuteAsync(itemId, ct);
            }
            catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
            {
                return false;
            }

            Agency = all.FirstOrDefault(a => a.Id == Detail.Item.AgencyId);
            MayAuthor = Detail.Actions.Edit;
        }
        else
        {
            AuthorAgencies = [.. all.Where(a => CatalogueRules.MayAuthor(staff, a.Id))];
            MayAuthor = AuthorAgencies.Count > 0;
            var chosen = agency ?? (int.TryParse(Request.HasFormContentType ? Request.Form["AgencyId"].ToString() : null, NumberStyles.Integer, CultureInfo.InvariantCulture, out var posted) ? posted : staff.ActingAgencyId);
            Agency = AuthorAgencies.FirstOrDefault(a => a.Id == chosen) ?? AuthorAgencies.FirstOrDefault();
        }

        if (Agency is null)
        {
            return Detail is null;
        }

        Article21 = CatalogueRules.Article21For(Agency.Kind);
        Terms = await terms.ExecuteAsync(ct);
        var found = await list.ExecuteAsync(new CatalogueQuery { AgencyId = Agency.Id, Text = string.IsNullOrWhiteSpace(documentSearch) ? null : documentSearch.Trim(), PageSize = 30 }, ct);
        var choices = found.Items.Where(r => r.Kind == ItemKind.Information && r.Id != Detail?.Item.Id).Select(r => (r.Id, r.Title)).ToList();
        foreach (var linked in Detail?.Interprets ?? [])
        {
            if (!choices.Any(c => c.Id == linked.Id))
            {
                choices.Insert(0, (linked.Id, linked.Title));
            }
        }

        DocumentChoices = choices;
        if (Agency is not null && UseCases.Publishing.NormativeDocumentRegisterRules.Roles.Any(staff.IsInRole))
        {
            RegisterChoices = (await documents.ExecuteAsync(new UseCases.Publishing.NormativeDocumentQuery { AgencyId = Agency.Id, PageSize = 200 }, ct)).Items;
        }

        _ = clock;
        return true;
    }

    public DateOnly Today => clock.Today();
}
