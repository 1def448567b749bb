using System.Security.Cryptography;
using Gongkai.UseCases.Cases;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Gongkai.Web.Infrastructure;

/// <summary>What reading a public upload form gave: the form, or the Chinese reason it could not be read.</summary>
public sealed record PublicFormRead(IFormCollection? Form, string? Error, int Status);

/// <summary>
/// The forms that carry uploads (the public 申请公开 and 网上补正, the back office's 导入台账). Their pages read the body themselves, under
/// <see cref="MaxRequestBytes"/>, so that an oversized request gets a Chinese answer instead of an error page; the
/// antiforgery token is checked right after (the pages opt out of the automatic check, which would read the body
/// first). Form keys make a repeated submit find the first result; they are random and checked for shape, and
/// carry a prefix so that they can never equal a key chosen by staff or an API client.
/// </summary>
public static class PublicUploadForm
{
    /// <summary>Five attachments of 10 MB each and the text fields, with room to spare.</summary>
    public const long MaxRequestBytes = 60 * 1024 * 1024;

    public const string MaxRequestText = "60 MB";

    /// <summary>Kestrel's limit for these pages: above it the connection is cut; between the two the answer is friendly.</summary>
    public const long TransportLimitBytes = 2 * MaxRequestBytes;

    public const string AttachmentsHint = "最多 5 个文件，每个不超过 10 MB；支持 " + AttachmentRules.AllowedText + "。";

    public static readonly string TooLargeMessage =
        $"提交的内容超过 {MaxRequestText}，未能接收，也没有保存任何内容。请减少或压缩附件（最多 {AttachmentRules.MaxFiles} 个，每个不超过 {AttachmentRules.MaxBytesText}）后重新填写提交。";

    public static Task<PublicFormRead> ReadAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken ct) =>
        ReadAsync(http, antiforgery, MaxRequestBytes, TooLargeMessage, ct);

    /// <summary>
    /// Reads a form with an upload under <paramref name="maxBytes"/> (the page's <c>RequestFormLimits</c> must be the
    /// same, and its <c>RequestSizeLimit</c> higher), answering <paramref name="tooLargeMessage"/> above it.
    /// </summary>
    public static async Task<PublicFormRead> ReadAsync(HttpContext http, IAntiforgery antiforgery, long maxBytes, string tooLargeMessage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (http.Request.ContentLength > maxBytes)
        {
            return new PublicFormRead(null, tooLargeMessage, StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Request.ContentLength is null && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Sent in chunks (not what browsers do): the server's limit is the page's limit.
            size.MaxRequestBodySize = maxBytes;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return new PublicFormRead(null, tooLargeMessage, StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return new PublicFormRead(null, "页面已过期或提交来源不正确，请重新打开页面后再提交。", StatusCodes.Status400BadRequest);
        }

        return new PublicFormRead(form, null, StatusCodes.Status200OK);
    }

    /// <summary>The files of <paramref name="field"/>, leaving out the empty part a browser sends when none was chosen.</summary>
    public static IReadOnlyList<UploadedFile> Files(IFormCollection form, string field)
    {
        ArgumentNullException.ThrowIfNull(form);
        return [.. form.Files.GetFiles(field)
            .Where(f => !(f.Length == 0 && string.IsNullOrEmpty(f.FileName)))
            .Select(f => new UploadedFile(f.FileName, f.ContentType ?? string.Empty, f.OpenReadStream()))];
    }

    /// <summary>A new random form key (32 hexadecimal characters).</summary>
    public static string NewFormKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The key passed to the use case, or null when the posted value is not one of ours.</summary>
    public static string? UseCaseKey(string purpose, string? posted) =>
        posted is { Length: 32 } && posted.All(char.IsAsciiHexDigitLower) ? purpose + ":" + posted : null;
}
