using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Core.Common;

namespace Gongkai.Core.Reports;

/// <summary>
/// Reads and writes annual reports and result envelopes in the exchange format of docs/spec report-json.md
/// (snake_case keys; blank cells are null). Reading ignores members it does not know.
/// </summary>
public static class ReportJson
{
    public const string InvalidCode = "report.json_invalid";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnnualReport report) => WriteWith(w => WriteReport(w, report));

    public static string Write(ReportEnvelope envelope) => WriteWith(w => WriteEnvelope(w, envelope));

    /// <summary>Reads a bare report, or the <c>report</c> member of an envelope.</summary>
    public static AnnualReport Read(string json) => ReadEnvelope(json).Report;

    /// <summary>Reads an envelope; a bare report becomes an envelope without findings, provenance or notes.</summary>
    public static ReportEnvelope ReadEnvelope(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DomainException(InvalidCode, $"不是有效的 JSON：{e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("顶层应为对象");
            }

            if (root.TryGetProperty("report", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                var envelope = new ReportEnvelope(ReadReport(inner));
                try
                {
                    ReadEnvelopeMembers(root, envelope);
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    throw new DomainException(InvalidCode, "年度报告 JSON 格式不正确：findings、provenance 或 notes 的结构不对。", e);
                }

                return envelope;
            }

            return new ReportEnvelope(ReadReport(root));
        }
    }

    private static string WriteWith(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteReport(Utf8JsonWriter w, AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        w.WriteStartObject();
        if (report.Agency is null)
        {
            w.WriteNull("agency");
        }
        else
        {
            w.WriteString("agency", report.Agency);
        }

        w.WriteNumber("year", report.Year);
        w.WriteString("format", report.Format.ToJson());
        w.WritePropertyName("table2");
        if (report.Format == ReportFormat.V2019)
        {
            WriteTable2(w, report.Table2Of2019 ?? new Table2Of2019());
        }
        else
        {
            WriteTable2(w, report.Table2Of2021 ?? new Table2Of2021());
        }

        w.WriteStartObject("table3");
        foreach (var row in report.Table3.Rows)
        {
            w.WritePropertyName(row.Key);
            WriteCells(w, report.Table3[row.Key]);
        }

        w.WriteEndObject();
        w.WritePropertyName("table4");
        WriteCells(w, report.Table4.Cells);
        w.WriteStartObject("sections");
        foreach (var key in AnnualReport.SectionKeys)
        {
            if (report.Sections.TryGetValue(key, out var text))
            {
                w.WriteString(key, text);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTable2(Utf8JsonWriter w, Table2Of2021 t)
    {
        w.WriteStartObject();
        WriteDocumentCounts(w, "regulations", t.Regulations);
        WriteDocumentCounts(w, "normative_documents", t.NormativeDocuments);
        WriteNumber(w, "administrative_licensing", t.AdministrativeLicensing);
        WriteNumber(w, "administrative_penalty", t.AdministrativePenalty);
        WriteNumber(w, "administrative_coercion", t.AdministrativeCoercion);
        WriteAmount(w, "administrative_fees_10k_yuan", t.AdministrativeFees);
        w.WriteEndObject();
    }

    private static void WriteTable2(Utf8JsonWriter w, Table2Of2019 t)
    {
        w.WriteStartObject();
        WritePublicationCounts(w, "regulations", t.Regulations);
        WritePublicationCounts(w, "normative_documents", t.NormativeDocuments);
        WriteItemCounts(w, "administrative_licensing", t.AdministrativeLicensing, withDecisions: true);
        WriteItemCounts(w, "other_external_management_services", t.OtherExternalManagementServices, withDecisions: true);
        WriteItemCounts(w, "administrative_penalty", t.AdministrativePenalty, withDecisions: true);
        WriteItemCounts(w, "administrative_coercion", t.AdministrativeCoercion, withDecisions: true);
        WriteItemCounts(w, "administrative_fees", t.AdministrativeFees, withDecisions: false);
        w.WriteStartObject("centralized_procurement");
        WriteNumber(w, "projects", t.CentralizedProcurement.Projects);
        WriteAmount(w, "total_amount", t.CentralizedProcurement.TotalAmount);
        if (t.CentralizedProcurement.TotalAmountUnit is null)
        {
            w.WriteNull("total_amount_unit");
        }
        else
        {
            w.WriteString("total_amount_unit", t.CentralizedProcurement.TotalAmountUnit);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteDocumentCounts(Utf8JsonWriter w, string name, DocumentCounts c)
    {
        w.WriteStartObject(name);
        WriteNumber(w, "issued", c.Issued);
        WriteNumber(w, "repealed", c.Repealed);
        WriteNumber(w, "in_force", c.InForce);
        w.WriteEndObject();
    }

    private static void WritePublicationCounts(Utf8JsonWriter w, string name, PublicationCounts c)
    {
        w.WriteStartObject(name);
        WriteNumber(w, "newly_made", c.NewlyMade);
        WriteNumber(w, "newly_published", c.NewlyPublished);
        WriteNumber(w, "total_published", c.TotalPublished);
        w.WriteEndObject();
    }

    private static void WriteItemCounts(Utf8JsonWriter w, string name, ItemCounts c, bool withDecisions)
    {
        w.WriteStartObject(name);
        WriteNumber(w, "previous_year_items", c.PreviousYearItems);
        WriteNumber(w, "change", c.Change);
        if (withDecisions)
        {
            WriteNumber(w, "decisions", c.Decisions);
        }

        w.WriteEndObject();
    }

    private static void WriteAmount(Utf8JsonWriter w, string name, PrintedAmount amount)
    {
        if (amount.Value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }

        if (amount.Text is null)
        {
            w.WriteNull(name + "_text");
        }
        else
        {
            w.WriteString(name + "_text", amount.Text);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteCells(Utf8JsonWriter w, IEnumerable<long?> cells)
    {
        w.WriteStartArray();
        foreach (var c in cells)
        {
            if (c is { } v)
            {
                w.WriteNumberValue(v);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    private static void WriteEnvelope(Utf8JsonWriter w, ReportEnvelope e)
    {
        w.WriteStartObject();
        w.WritePropertyName("report");
        WriteReport(w, e.Report);
        w.WriteStartArray("findings");
        foreach (var f in e.Findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", f.Rule);
            w.WriteString("severity", SeverityName(f.Severity));
            w.WriteStartObject("location");
            w.WriteString("table", f.Location.Table);
            WriteOptional(w, "row", f.Location.Row);
            WriteOptional(w, "column", f.Location.Column);
            WriteOptional(w, "block", f.Location.Block);
            WriteOptional(w, "section", f.Location.Section);
            w.WriteEndObject();
            w.WriteStartObject("numbers");
            foreach (var n in f.Numbers)
            {
                if (n.Value is { } v)
                {
                    w.WriteNumber(n.Name, v);
                }
                else
                {
                    w.WriteNull(n.Name);
                }
            }

            w.WriteEndObject();
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("provenance");
        foreach (var (table, p) in e.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(table);
            w.WriteString("method", p.Method);
            w.WriteNumber("confidence", Math.Round(p.Confidence, 3));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("notes");
        foreach (var n in e.Notes)
        {
            w.WriteStartObject();
            w.WriteString("location", n.Location);
            w.WriteString("message", n.Message);
            WriteOptional(w, "printed", n.Printed);
            if (n.Candidates is not null)
            {
                w.WriteStartArray("candidates");
                foreach (var c in n.Candidates)
                {
                    w.WriteStartArray();
                    foreach (var v in c)
                    {
                        w.WriteNumberValue(v);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string SeverityName(FindingSeverity s) => s switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private static FindingSeverity ParseSeverity(string? s) => s switch
    {
        "error" => FindingSeverity.Error,
        "warning" => FindingSeverity.Warning,
        "info" => FindingSeverity.Info,
        _ => throw Invalid($"未知的严重程度“{s}”"),
    };

    private static AnnualReport ReadReport(JsonElement root)
    {
        if (!root.TryGetProperty("year", out var yearElement) || !yearElement.TryGetInt32(out var year))
        {
            throw Invalid("缺少报告年度（year）");
        }

        ReportFormat format;
        if (root.TryGetProperty("format", out var formatElement) && formatElement.ValueKind != JsonValueKind.Null)
        {
            format = ReportFormats.FromJson(formatElement.ValueKind == JsonValueKind.String ? formatElement.GetString() : formatElement.GetRawText())
                ?? throw Invalid($"未知的报告格式“{formatElement.GetRawText()}”，应为 \"2021\" 或 \"2019\"");
        }
        else
        {
            format = ReportFormats.ForYear(year);
        }

        var agency = root.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        var report = new AnnualReport(agency, year, format);

        if (root.TryGetProperty("table2", out var t2) && t2.ValueKind == JsonValueKind.Object)
        {
            if (format == ReportFormat.V2019)
            {
                report.Table2Of2019 = ReadTable2Of2019(t2);
            }
            else
            {
                report.Table2Of2021 = ReadTable2Of2021(t2);
            }
        }

        if (root.TryGetProperty("table3", out var t3) && t3.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in t3.EnumerateObject())
            {
                if (!report.Table3.HasRow(member.Name))
                {
                    throw Invalid($"表三没有行“{member.Name}”（{format.ToJson()} 格式）");
                }

                report.Table3.SetRow(member.Name, ReadCells(member.Value, Table3Layout.ColumnCount, "table3." + member.Name));
            }
        }

        if (root.TryGetProperty("table4", out var t4) && t4.ValueKind != JsonValueKind.Null)
        {
            report.Table4 = new Table4(ReadCells(t4, Table4.CellCount, "table4"));
        }

        if (root.TryGetProperty("sections", out var sections) && sections.ValueKind == JsonValueKind.Object)
        {
            foreach (var s in sections.EnumerateObject())
            {
                if (!AnnualReport.SectionKeys.Contains(s.Name) || s.Value.ValueKind != JsonValueKind.String)
                {
                    throw Invalid($"sections 的键应为 一…六，值应为文本（“{s.Name}”）");
                }

                report.Sections[s.Name] = s.Value.GetString()!;
            }
        }

        return report;
    }

    private static Table2Of2021 ReadTable2Of2021(JsonElement t) => new()
    {
        Regulations = ReadDocumentCounts(t, "regulations"),
        NormativeDocuments = ReadDocumentCounts(t, "normative_documents"),
        AdministrativeLicensing = Number(t, "administrative_licensing"),
        AdministrativePenalty = Number(t, "administrative_penalty"),
        AdministrativeCoercion = Number(t, "administrative_coercion"),
        AdministrativeFees = Amount(t, "administrative_fees_10k_yuan"),
    };

    private static Table2Of2019 ReadTable2Of2019(JsonElement t)
    {
        var procurement = ProcurementFigures.Blank;
        if (t.TryGetProperty("centralized_procurement", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            procurement = new ProcurementFigures(
                Number(p, "projects"),
                Amount(p, "total_amount"),
                p.TryGetProperty("total_amount_unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null);
        }

        return new Table2Of2019
        {
            Regulations = ReadPublicationCounts(t, "regulations"),
            NormativeDocuments = ReadPublicationCounts(t, "normative_documents"),
            AdministrativeLicensing = ReadItemCounts(t, "administrative_licensing"),
            OtherExternalManagementServices = ReadItemCounts(t, "other_external_management_services"),
            AdministrativePenalty = ReadItemCounts(t, "administrative_penalty"),
            AdministrativeCoercion = ReadItemCounts(t, "administrative_coercion"),
            AdministrativeFees = ReadItemCounts(t, "administrative_fees"),
            CentralizedProcurement = procurement,
        };
    }

    private static DocumentCounts ReadDocumentCounts(JsonElement t, string name) =>
        t.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.Object
            ? new DocumentCounts(Number(o, "issued"), Number(o, "repealed"), Number(o, "in_force"))
            : DocumentCounts.Blank;

    private static PublicationCounts ReadPublicationCounts(JsonElement t, string name) =>
        t.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.Object
            ? new PublicationCounts(Number(o, "newly_made"), Number(o, "newly_published"), Number(o, "total_published"))
            : PublicationCounts.Blank;

    private static ItemCounts ReadItemCounts(JsonElement t, string name) =>
        t.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.Object
            ? new ItemCounts(Number(o, "previous_year_items"), Number(o, "change"), Number(o, "decisions"))
            : ItemCounts.Blank;

    private static long? Number(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v)
            ? v
            : throw Invalid($"“{name}”应为整数或 null，而不是 {e.GetRawText()}");
    }

    private static PrintedAmount Amount(JsonElement parent, string name)
    {
        var text = parent.TryGetProperty(name + "_text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return new PrintedAmount(null, text);
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var v))
        {
            throw Invalid($"“{name}”应为数字或 null，而不是 {e.GetRawText()}");
        }

        return new PrintedAmount(v, text ?? e.GetRawText());
    }

    private static long?[] ReadCells(JsonElement e, int count, string where)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != count)
        {
            throw Invalid($"{where} 应为 {count} 个数字（或 null）组成的数组");
        }

        var cells = new long?[count];
        var i = 0;
        foreach (var c in e.EnumerateArray())
        {
            cells[i++] = c.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number when c.TryGetInt64(out var v) => v,
                _ => throw Invalid($"{where} 第 {i} 个单元格应为整数或 null，而不是 {c.GetRawText()}"),
            };
        }

        return cells;
    }

    private static void ReadEnvelopeMembers(JsonElement root, ReportEnvelope envelope)
    {
        if (root.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in findings.EnumerateArray())
            {
                var loc = f.GetProperty("location");
                var numbers = f.TryGetProperty("numbers", out var ns) && ns.ValueKind == JsonValueKind.Object
                    ? ns.EnumerateObject().Select(n => new FindingNumber(n.Name, n.Value.ValueKind == JsonValueKind.Number ? n.Value.GetDecimal() : null)).ToList()
                    : [];
                envelope.Findings.Add(new Finding(
                    f.GetProperty("rule").GetString() ?? throw Invalid("finding 缺少 rule"),
                    ParseSeverity(f.GetProperty("severity").GetString()),
                    new FindingLocation(
                        loc.GetProperty("table").GetString() ?? string.Empty,
                        OptionalString(loc, "row"),
                        OptionalString(loc, "column"),
                        OptionalString(loc, "block"),
                        OptionalString(loc, "section")),
                    numbers,
                    f.GetProperty("message").GetString() ?? string.Empty));
            }
        }

        if (root.TryGetProperty("provenance", out var provenance) && provenance.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in provenance.EnumerateObject())
            {
                envelope.Provenance[p.Name] = new TableProvenance(
                    p.Value.GetProperty("method").GetString() ?? string.Empty,
                    p.Value.GetProperty("confidence").GetDouble());
            }
        }

        if (root.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Array)
        {
            foreach (var n in notes.EnumerateArray())
            {
                List<IReadOnlyList<long>>? candidates = null;
                if (n.TryGetProperty("candidates", out var cs) && cs.ValueKind == JsonValueKind.Array)
                {
                    candidates = cs.EnumerateArray().Select(c => (IReadOnlyList<long>)c.EnumerateArray().Select(v => v.GetInt64()).ToList()).ToList();
                }

                envelope.Notes.Add(new ImportNote(
                    OptionalString(n, "location") ?? string.Empty,
                    OptionalString(n, "message") ?? string.Empty,
                    OptionalString(n, "printed"),
                    candidates));
            }
        }
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DomainException Invalid(string detail) => new(InvalidCode, "年度报告 JSON 格式不正确：" + detail);
}
