using System.Security.Cryptography;

namespace Gongkai.Data.Files;

/// <summary>A stored file: its key in the store, size and SHA-256.</summary>
public sealed record StoredFile(string Key, long Size, string Sha256);

/// <summary>
/// Where uploaded files live (application attachments now; catalogue attachments later). Files on disk by default;
/// another store (object storage) can replace it behind this interface. Keys are opaque and never come from a user.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores at most <paramref name="maxBytes"/> from <paramref name="content"/>; returns null when it is longer (nothing kept).</summary>
    Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken ct = default);

    Stream OpenRead(string key);

    void Delete(string key);
}

/// <summary>Whole small files (letters, seals) to and from any store.</summary>
public static class FileStoreBytes
{
    public static async Task<byte[]> ReadAllBytesAsync(this IFileStore store, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = store.OpenRead(key);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    /// <summary>Stores <paramref name="bytes"/> whole, or returns null when they exceed <paramref name="maxBytes"/>.</summary>
    public static async Task<StoredFile?> SaveBytesAsync(this IFileStore store, byte[] bytes, long maxBytes = long.MaxValue, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var stream = new MemoryStream(bytes, writable: false);
        return await store.SaveAsync(stream, maxBytes, ct);
    }
}

/// <summary>Files under a folder of the data directory, in two-level fan-out folders named by a random key.</summary>
public sealed class DiskFileStore(string root) : IFileStore
{
    public string Root { get; } = root;

    public async Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".part";
        long size = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (size > maxBytes)
            {
                File.Delete(temp);
                return null;
            }

            File.Move(temp, path);
            return new StoredFile(key, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("invalid file key", nameof(key));
        }

        return Path.Combine(Root, key[..2], key);
    }
}
