using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Common;
using Gongkai.Data.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Data.PersonalData;

/// <summary>
/// Encrypts personal data at rest (个人信息保护法): ID numbers and phone numbers are stored only as AES-256-GCM
/// ciphertext ("pd1:" + base64 of nonce, tag and ciphertext), so neither the database file nor a backup shows them.
/// Equality look-ups (the same applicant's ID number) use a keyed HMAC-SHA256 "blind index" instead of the value.
/// <para>
/// The 32-byte master key comes from <c>Gongkai:Security:PersonalDataKey</c> (base64) or, by default, from
/// <c>DATA_DIR/keys/personal-data.key</c>, created on first use and readable by its owner only. Losing the key
/// loses the data: back it up with the database, but not in the same place.
/// </para>
/// </summary>
public sealed class PersonalDataProtector
{
    public const string Prefix = "pd1:";
    public const string KeySetting = "Gongkai:Security:PersonalDataKey";
    public const string KeyFileName = "personal-data.key";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != 32)
        {
            throw new DomainException("config.invalid", "个人信息加密密钥必须是 32 字节（base64 编码后 44 个字符）。");
        }

        // Two independent keys derived from the master key: one encrypts, one computes the blind index.
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "gongkai personal data encryption"u8.ToArray());
        _indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "gongkai personal data index"u8.ToArray());
    }

    public static PersonalDataProtector FromConfiguration(IConfiguration configuration, GongkaiDatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var configured = configuration[KeySetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return new PersonalDataProtector(Convert.FromBase64String(configured));
            }
            catch (FormatException)
            {
                throw new DomainException("config.invalid", $"配置项 {KeySetting} 不是有效的 base64 文本。");
            }
        }

        return new PersonalDataProtector(LoadOrCreateKeyFile(Path.Combine(settings.DataDirectory, "keys", KeyFileName)));
    }

    public static byte[] LoadOrCreateKeyFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        return key;
    }

    /// <summary>The stored form of a value (null stays null).</summary>
    public string? Protect(string? plaintext)
    {
        if (plaintext is null)
        {
            return null;
        }

        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>The value of a stored form; tampered or foreign ciphertext is refused.</summary>
    public string? Unprotect(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new DomainException("personal.not_protected", "该个人信息不是以加密形式保存的。");
        }

        var bytes = Convert.FromBase64String(stored[Prefix.Length..]);
        if (bytes.Length < NonceSize + TagSize)
        {
            throw new DomainException("personal.corrupt", "加密的个人信息已损坏。");
        }

        var plain = new byte[bytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        try
        {
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new DomainException("personal.corrupt", "加密的个人信息无法解密：数据被改动，或密钥不是加密时使用的密钥。");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A keyed fingerprint for equality look-ups (upper-cased, trimmed); reveals nothing without the key.</summary>
    public string BlindIndex(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant())));
    }
}
