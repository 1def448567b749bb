namespace Gongkai.UseCases;

/// <summary>One page of a longer list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + Size - 1) / Size;

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < PageCount;
}

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    /// <summary>Clamps a requested page into range: page ≥ 1 and not past the last page; size 1–200.</summary>
    public static PageRequest Normalise(int page, int pageSize, int total)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var last = Math.Max(1, (total + size - 1) / size);
        return new PageRequest(Math.Clamp(page, 1, last), size);
    }
}
