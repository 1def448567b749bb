using System.Text;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Reports.Import;

namespace Gongkai.Cli.Commands;

/// <summary>
/// Reads the files given to `gongkai report`: a published report in any form the importer reads, or a report already
/// in the exchange format (bare report or result envelope). Everything that makes a file unusable — missing, too
/// large, not a report, damaged — becomes a <see cref="CliInputException"/> with a Chinese message (exit code 2).
/// </summary>
internal sealed class ReportFiles(CliContext c)
{
    private readonly Text t = c.T;

    /// <summary>Larger files are refused before they are read: a published report, even a PDF with images, is far smaller.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public const string MaxFileSizeText = "64 MB";

    /// <summary>Text and web pages are read whole into the importer; a report's text is a few hundred kilobytes.</summary>
    public const long MaxTextBytes = 16L * 1024 * 1024;

    public const string MaxTextSizeText = "16 MB";

    /// <summary>A reader that has not finished by then is given up: the file is treated as unreadable (exit code 2).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Reads a published report (text, markdown, HTML, DOCX, PDF) into an envelope, without findings.</summary>
    public ReportEnvelope Import(FileInfo file, ReportImportOptions options)
    {
        var bytes = ReadBytes(file);
        return Guard(file, () => ImportBytes(file, bytes, options));
    }

    /// <summary>Reads a report in the exchange format (bare report or envelope).</summary>
    public ReportEnvelope ReadJson(FileInfo file)
    {
        var bytes = ReadBytes(file);
        if (!LooksLikeJson(bytes))
        {
            throw new CliInputException(t[$"无法读取 {file.Name}：不是年度报告 JSON（应为 gongkai report import --json 的输出或裸报告）。", $"Cannot read {file.Name}: not annual-report JSON (expected the output of gongkai report import --json, or a bare report)."]);
        }

        return Guard(file, () => ReportJson.ReadEnvelope(ReportFileImporter.Decode(bytes)));
    }

    /// <summary>Reads either form: JSON when the content is a JSON object, otherwise a published report to import.</summary>
    public (ReportEnvelope Envelope, bool FromJson) ReadAny(FileInfo file, ReportImportOptions options)
    {
        var bytes = ReadBytes(file);
        return LooksLikeJson(bytes)
            ? (Guard(file, () => ReportJson.ReadEnvelope(ReportFileImporter.Decode(bytes))), true)
            : (Guard(file, () => ImportBytes(file, bytes, options)), false);
    }

    private ReportEnvelope ImportBytes(FileInfo file, byte[] bytes, ReportImportOptions options)
    {
        if (ReportFileImporter.Detect(bytes, file.Name) is ReportFileKind.Text or ReportFileKind.Html && bytes.Length > MaxTextBytes)
        {
            throw new CliInputException(t[$"文本或网页超过 {MaxTextSizeText}，不像是一份年度报告，未读取：{file.FullName}", $"Text or web page larger than {MaxTextSizeText}, not read: {file.FullName}"]);
        }

        return ReportFileImporter.Import(bytes, file.Name, options);
    }

    private byte[] ReadBytes(FileInfo file)
    {
        c.EnsureFileExists(file);

        if (file.Length > MaxFileBytes)
        {
            throw new CliInputException(t[$"文件超过 {MaxFileSizeText}，不像是一份年度报告，未读取：{file.FullName}", $"File larger than {MaxFileSizeText}, not read (no annual report is that large): {file.FullName}"]);
        }

        if (file.Length == 0)
        {
            throw new CliInputException(t[$"无法读取 {file.Name}：文件是空的。", $"Cannot read {file.Name}: the file is empty."]);
        }

        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException(t[$"无法读取文件 {file.FullName}：{e.Message}", $"Cannot read {file.FullName}: {e.Message}"]);
        }
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (at < bytes.Length && bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at < bytes.Length && bytes[at] == (byte)'{';
    }

    /// <summary>
    /// Turns every way a reader can fail on a damaged or hostile file into bad input naming the file. The readers
    /// throw <see cref="DomainException"/> for what they recognise; a parser library may throw anything else on a
    /// file that is broken in a way nobody foresaw, and that is still the file's fault, not the environment's.
    /// </summary>
    private ReportEnvelope Guard(FileInfo file, Func<ReportEnvelope> read)
    {
        try
        {
            // On a worker thread so that a pathological file cannot hold the command forever; the abandoned reader
            // ends with the process.
            var work = Task.Run(read);
            if (!work.Wait(ReadTimeout))
            {
                throw new CliInputException(t[
                    $"无法读取 {file.Name}：{ReadTimeout.TotalSeconds:0} 秒内未能读完，文件可能已损坏或经过特殊构造。",
                    $"Cannot read {file.Name}: not read within {ReadTimeout.TotalSeconds:0} seconds; the file may be damaged or crafted."]);
            }

            return work.Result;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            return e.InnerException switch
            {
                DomainException d => throw new CliInputException($"{file.Name}：{d.Message}"),
                CliInputException c => throw c,
                OperationCanceledException or OutOfMemoryException => throw e.InnerException,
                _ => throw new CliInputException(t[$"无法读取 {file.Name}：文件已损坏或格式异常（{Describe(e.InnerException!)}）。", $"Cannot read {file.Name}: the file is damaged or malformed ({Describe(e.InnerException!)})."]),
            };
        }
        catch (DomainException e)
        {
            throw new CliInputException($"{file.Name}：{e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not CliInputException)
        {
            throw new CliInputException(t[$"无法读取 {file.Name}：文件已损坏或格式异常（{Describe(e)}）。", $"Cannot read {file.Name}: the file is damaged or malformed ({Describe(e)})."]);
        }
    }

    private static string Describe(Exception e)
    {
        var sb = new StringBuilder(e.GetType().Name);
        if (!string.IsNullOrWhiteSpace(e.Message))
        {
            sb.Append(": ").Append(e.Message.Length > 200 ? e.Message[..200] + "…" : e.Message);
        }

        return sb.ToString();
    }
}
