namespace Gongkai.Data.Calendar;

/// <summary>A loaded year of the official calendar (one State Council notice, possibly restated by a later one).</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }

    /// <summary>The notices' addresses, one per line.</summary>
    public string Papers { get; set; } = string.Empty;

    /// <summary>SHA-256 of the normalised content: a reload with the same fingerprint changes nothing.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>Where it came from: the built-in data, or the file name an administrator uploaded.</summary>
    public string Source { get; set; } = string.Empty;

    public DateTimeOffset LoadedAt { get; set; }

    public string LoadedBy { get; set; } = string.Empty;

    /// <summary>1 on first load, +1 on every reload that changed the content. Also the optimistic concurrency token.</summary>
    public int Revision { get; set; }

    public List<CalendarDayRecord> Days { get; set; } = [];
}

/// <summary>A day named by a notice: a holiday (IsOffDay) or a make-up working day (调休上班).</summary>
public sealed class CalendarDayRecord
{
    public int Year { get; set; }

    public DateOnly Date { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool IsOffDay { get; set; }
}

/// <summary>The history of the calendar: every load and reload, with what changed. Never edited.</summary>
public sealed class CalendarChangeRecord
{
    public long Id { get; set; }

    public int Year { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedBy { get; set; } = string.Empty;

    /// <summary>首次导入, 重新导入 (changed) or 重新导入（无变化）.</summary>
    public string Kind { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    /// <summary>A Chinese summary: days added, removed and changed, listed by date.</summary>
    public string Summary { get; set; } = string.Empty;

    public int RevisionAfter { get; set; }
}
