namespace Gongkai.Data;

/// <summary>A key/value fact about this installation (e.g. that it holds demo data).</summary>
public sealed class SystemSettingRecord
{
    public const string DemoDataKey = "demo.loaded_at";

    public string Key { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}
