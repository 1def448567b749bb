namespace Gongkai.UseCases;

/// <summary>
/// Who performs a use case, as written into history: a signed-in person, the CLI user of the machine, or the system.
/// </summary>
public sealed record Actor(string Name)
{
    public static Actor System { get; } = new("系统");

    public static Actor CommandLine() => new($"命令行（{Environment.UserName}）");

    public override string ToString() => Name;
}
