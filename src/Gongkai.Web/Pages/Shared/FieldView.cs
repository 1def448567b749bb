namespace Gongkai.Web.Pages.Shared;

/// <summary>One labelled input with its hint and error, rendered by _Field.cshtml (accessible: label, aria-describedby).</summary>
public sealed record FieldView(string Name, string Label, string? Value, string? Error, bool Required = false, string Type = "text", string? Hint = null);
