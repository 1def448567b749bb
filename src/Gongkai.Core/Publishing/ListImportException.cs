using Gongkai.Core.Common;

namespace Gongkai.Core.Publishing;

/// <summary>
/// An imported list (不规范表述 or sensitive words) has bad lines. Nothing was imported; <see cref="Errors"/> has one
/// Chinese sentence per problem, each starting with its line number (第 3 行：…), so a person can fix them all at once.
/// </summary>
public sealed class ListImportException : DomainException
{
    public const string ErrorCode = "publishing.list_invalid";

    public ListImportException(IReadOnlyList<string> errors)
        : base(ErrorCode, Summary(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    private static string Summary(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        const int Shown = 10;
        var text = "导入的清单有误，未导入任何内容：" + string.Join("；", errors.Take(Shown));
        return errors.Count > Shown ? $"{text}；……共 {errors.Count} 处问题。" : text;
    }
}
