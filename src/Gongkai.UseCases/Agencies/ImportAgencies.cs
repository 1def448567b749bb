using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using MiniExcelLibs;

namespace Gongkai.UseCases.Agencies;

public sealed record ImportRowError(int Row, string Message);

/// <summary>An import that was refused: every broken row with its spreadsheet row number. Nothing was imported.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportRowError> errors)
    : DomainException(Code, $"导入文件有 {errors?.Count ?? 0} 处错误，未导入任何数据：" + string.Join("；", (errors ?? []).Take(20).Select(e => $"第 {e.Row} 行：{e.Message}")))
{
    public new const string Code = "import.rejected";

    public IReadOnlyList<ImportRowError> Errors { get; } = errors ?? [];
}

/// <summary>
/// 导入机构: adds agencies from an XLSX sheet in the layout of <see cref="Columns"/> (the template the back office
/// offers). 上级机关 and 主管部门 are named, and may name an agency earlier in the same sheet. All rows or none.
/// </summary>
[AuditAction("导入机构")]
public sealed class ImportAgencies(GongkaiDbContext db, StaffContext staff, AuditContext audit, CreateAgency create)
{
    public const int MaxRows = 5000;

    public static readonly string[] Columns =
    [
        "机构名称", "简称", "机构类型", "上级机关", "主管部门", "统一社会信用代码", "受理申请", "排序",
        "工作机构名称", "办公地址", "办公时间", "联系电话", "传真", "电子邮箱", "网址",
    ];

    public static readonly IReadOnlyDictionary<string, AgencyKind> KindNames = new Dictionary<string, AgencyKind>
    {
        ["人民政府"] = AgencyKind.Government,
        ["部门"] = AgencyKind.Department,
        ["街道"] = AgencyKind.Subdistrict,
        ["街道办事处"] = AgencyKind.Subdistrict,
        ["乡镇"] = AgencyKind.Township,
        ["派出机构"] = AgencyKind.DispatchedOffice,
    };

    public async Task<int> ExecuteAsync(Stream xlsx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        staff.EnsureRole(Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var rows = Read(xlsx);
        var errors = new List<ImportRowError>();
        var tree = await AgencyTree.LoadAsync(db, ct);
        var known = tree.Ordered.ToDictionary(n => n.Name, n => (int?)n.Id, StringComparer.Ordinal);
        var inSheet = new HashSet<string>(StringComparer.Ordinal);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = 0;
        foreach (var (rowNumber, cells) in rows)
        {
            string Cell(string column) => cells.TryGetValue(column, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? string.Empty : string.Empty;
            var name = Cell("机构名称");
            var rowErrors = new List<string>();
            if (!KindNames.TryGetValue(Cell("机构类型"), out var kind))
            {
                rowErrors.Add($"机构类型“{Cell("机构类型")}”无效，应为 人民政府、部门、街道、乡镇 或 派出机构");
            }

            int? Resolve(string column)
            {
                var target = Cell(column);
                if (target.Length == 0)
                {
                    return null;
                }

                if (known.TryGetValue(target, out var id))
                {
                    return id;
                }

                rowErrors.Add(inSheet.Contains(target) ? $"{column}“{target}”所在行有错误" : $"{column}“{target}”不存在（须是已有机构或本表中靠前的行）");
                return null;
            }

            var parent = Resolve("上级机关");
            var supervisor = Resolve("主管部门");
            var receives = Cell("受理申请") switch
            {
                "是" or "Y" or "y" or "1" or "true" => true,
                "" or "否" or "N" or "n" or "0" or "false" => false,
                var other => Fail(rowErrors, $"受理申请“{other}”应为 是 或 否"),
            };
            var sortText = Cell("排序");
            var sort = 0;
            if (sortText.Length > 0 && !int.TryParse(sortText, System.Globalization.CultureInfo.InvariantCulture, out sort))
            {
                rowErrors.Add($"排序“{sortText}”应为整数");
            }

            inSheet.Add(name);
            if (rowErrors.Count > 0)
            {
                errors.Add(new ImportRowError(rowNumber, string.Join("；", rowErrors)));
                continue;
            }

            var input = new AgencyInput
            {
                Name = name,
                ShortName = Cell("简称"),
                Kind = kind,
                ParentId = parent,
                SupervisorId = supervisor,
                CreditCode = Cell("统一社会信用代码"),
                ReceivesApplications = receives,
                SortOrder = sort,
                OfficeName = Cell("工作机构名称"),
                OfficeAddress = Cell("办公地址"),
                OfficeHours = Cell("办公时间"),
                OfficePhone = Cell("联系电话"),
                OfficeFax = Cell("传真"),
                OfficeEmail = Cell("电子邮箱"),
                OfficeWebsite = Cell("网址"),
            };
            try
            {
                known[name] = await create.ExecuteAsync(input, ct);
                created++;
            }
            catch (ValidationFailedException ex)
            {
                errors.Add(new ImportRowError(rowNumber, string.Join("；", ex.Errors.Values)));
                db.ChangeTracker.Clear();
            }
        }

        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw new ImportRejectedException(errors);
        }

        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>An empty workbook with the header row and one example row, offered for download.</summary>
    public static byte[] Template()
    {
        var example = new Dictionary<string, object>
        {
            ["机构名称"] = "某某区教育局",
            ["简称"] = "区教育局",
            ["机构类型"] = "部门",
            ["上级机关"] = "某某区人民政府",
            ["主管部门"] = string.Empty,
            ["统一社会信用代码"] = string.Empty,
            ["受理申请"] = "是",
            ["排序"] = 10,
            ["工作机构名称"] = "某某区教育局办公室",
            ["办公地址"] = string.Empty,
            ["办公时间"] = "工作日 9:00-12:00，13:30-17:00",
            ["联系电话"] = string.Empty,
            ["传真"] = string.Empty,
            ["电子邮箱"] = string.Empty,
            ["网址"] = string.Empty,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { example });
        return stream.ToArray();
    }

    private static List<(int Row, IDictionary<string, object?> Cells)> Read(Stream xlsx) =>
        SpreadsheetRows.Read(xlsx, Columns.Take(3), MaxRows, "机构导入模板", "请使用机构导入模板。");

    private static bool Fail(List<string> errors, string message)
    {
        errors.Add(message);
        return false;
    }
}
