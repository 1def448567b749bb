namespace Gongkai.Core.Common;

/// <summary>
/// Input that breaks one or more rules, each tied to the field it concerns (or "" for the whole input), with a
/// Chinese message shown next to that field. Nothing was saved.
/// </summary>
public sealed class ValidationFailedException : DomainException
{
    public const string ErrorCode = "validation.failed";

    public ValidationFailedException(IReadOnlyDictionary<string, string> errors)
        : base(ErrorCode, "提交的内容有误：" + string.Join("；", (errors ?? throw new ArgumentNullException(nameof(errors))).Values))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string> Errors { get; }
}

/// <summary>Collects field errors, then throws them together (so a person sees every problem at once).</summary>
public sealed class Validation
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        _errors.TryAdd(field, message);
        return this;
    }

    public Validation Require(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"请填写{label}。");
        }

        return value.Trim().Length > maxLength ? Add(field, $"{label}不能超过 {maxLength} 个字符。") : this;
    }

    public Validation MaxLength(string field, string? value, string label, int maxLength) =>
        value is not null && value.Trim().Length > maxLength ? Add(field, $"{label}不能超过 {maxLength} 个字符。") : this;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ValidationFailedException(new Dictionary<string, string>(_errors));
        }
    }
}
