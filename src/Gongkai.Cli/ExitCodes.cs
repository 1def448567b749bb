namespace Gongkai.Cli;

/// <summary>The exit codes of `gongkai` (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>A rule refused the request (e.g. demo data into a database with real records; a report failing a hard rule).</summary>
    public const int RuleFailed = 1;

    /// <summary>The input cannot be used: bad arguments, an unreadable or malformed file.</summary>
    public const int BadInput = 2;

    /// <summary>The environment is not ready: invalid configuration, database unreachable or not migrated.</summary>
    public const int Environment = 3;
}
