using System.Globalization;

namespace Gongkai.Web.Infrastructure;

/// <summary>Dates typed into the back-office forms (yyyy-MM-dd, as date inputs send them), with the Chinese error beside the field.</summary>
public static class FormDates
{
    public static DateOnly? Parse(string? text, string field, string label, Dictionary<string, string> errors, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = $"请填写{label}。";
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = $"{label}格式不正确，请按“年-月-日”填写，如 2026-03-02。";
        return null;
    }
}
