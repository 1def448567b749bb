using System.Globalization;
using System.Text;
using Gongkai.Core.Publishing;
using Gongkai.Data.Search;
using Gongkai.UseCases.Publishing;
using Microsoft.AspNetCore.Http;

namespace Gongkai.Web.Pages.Xinxi;

/// <summary>
/// The public catalogue's and search's filters as read from the address (GET, so results can be bookmarked and shared).
/// Values that cannot be read are ignored rather than refused, and the page says which; a query longer than the index
/// reads is cut and the page says so.
/// </summary>
public sealed class CatalogueFilterForm
{
    public string? Q { get; private init; }

    public int? Agency { get; private init; }

    public string? Topic { get; private init; }

    public ColumnDirectory? Directory { get; private init; }

    public int? Article20 { get; private init; }

    public int? Year { get; private init; }

    public string? Validity { get; private init; }

    public int? Area { get; private init; }

    public ItemKind? Kind { get; private init; }

    public SearchSort Sort { get; private init; } = SearchSort.Relevance;

    public int Page { get; private init; } = 1;

    /// <summary>Parameters given but not understood (shown to the user).</summary>
    public IReadOnlyList<string> Ignored { get; private init; } = [];

    public bool QueryCut { get; private init; }

    public bool HasFilters => Agency is not null || Topic is not null || Directory is not null || Article20 is not null || Year is not null || Validity is not null || Area is not null || Kind is not null;

    public static CatalogueFilterForm Read(IQueryCollection query, bool search)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ignored = new List<string>();
        string? Text(string key, int max)
        {
            var v = query[key].ToString().Trim();
            return v.Length == 0 ? null : v.Length > max ? v[..max] : v;
        }

        int? Number(string key, string label, int min, int max)
        {
            var v = query[key].ToString().Trim();
            if (v.Length == 0)
            {
                return null;
            }

            if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            ignored.Add(label);
            return null;
        }

        T? Choice<T>(string key, string label)
            where T : struct, Enum
        {
            var v = query[key].ToString().Trim();
            if (v.Length == 0)
            {
                return null;
            }

            if (Enum.TryParse<T>(v, true, out var e) && Enum.IsDefined(e) && !int.TryParse(v, out _))
            {
                return e;
            }

            ignored.Add(label);
            return null;
        }

        var raw = query["q"].ToString().Trim();
        var sort = query["sort"].ToString() == "date" ? SearchSort.Date : SearchSort.Relevance;
        return new CatalogueFilterForm
        {
            Q = search && raw.Length > 0 ? (raw.Length > SearchQuery.MaxLength ? raw[..SearchQuery.MaxLength] : raw) : null,
            QueryCut = search && raw.Length > SearchQuery.MaxLength,
            Agency = Number("agency", "发布机构", 1, int.MaxValue),
            Topic = Text("topic", 50),
            Directory = Choice<ColumnDirectory>("directory", "目录"),
            Article20 = Number("article20", "条例第二十条事项", 1, 15),
            Year = Number("year", "年度", 1990, 2200),
            Validity = Text("validity", 50),
            Area = Number("area", "重点领域", 1, int.MaxValue),
            Kind = Choice<ItemKind>("kind", "类型"),
            Sort = sort,
            Page = Number("page", "页码", 1, 100_000) ?? 1,
            Ignored = ignored,
        };
    }

    public CatalogueSearchRequest ToRequest(int pageSize = 20) => new()
    {
        Text = Q,
        AgencyId = Agency,
        Topic = Topic,
        Directory = Directory,
        Article20Item = Article20,
        Year = Year,
        Validity = Validity,
        KeyAreaTermId = Area,
        Kind = Kind,
        Sort = Sort,
        Page = Page,
        PageSize = pageSize,
    };

    /// <summary>The address of another page of the same results.</summary>
    public string Link(string path, int page)
    {
        var parts = new List<(string Key, string Value)>();
        void Add(string key, object? value)
        {
            if (value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } s)
            {
                parts.Add((key, s));
            }
        }

        Add("q", Q);
        Add("agency", Agency);
        Add("topic", Topic);
        Add("directory", Directory);
        Add("article20", Article20);
        Add("year", Year);
        Add("validity", Validity);
        Add("area", Area);
        Add("kind", Kind);
        Add("sort", Q is not null && Sort == SearchSort.Date ? "date" : null);
        Add("page", page > 1 ? page : null);
        var sb = new StringBuilder(path);
        for (var i = 0; i < parts.Count; i++)
        {
            sb.Append(i == 0 ? '?' : '&').Append(parts[i].Key).Append('=').Append(Uri.EscapeDataString(parts[i].Value));
        }

        return sb.ToString();
    }
}

/// <summary>What the filter partial needs: the options, the current values, and whether it is the search form.</summary>
public sealed record CatalogueFilterView(CatalogueFilterOptions Options, CatalogueFilterForm Form, bool Search, string Action);
