using System.Security.Cryptography;
using System.Text;

namespace AlignBot.Storage;

/// <summary>
/// Encrypts bot tokens at rest with AES-256-GCM: <c>enc:v1:</c> + base64(nonce | tag | ciphertext), a fresh nonce
/// each time. A stored value without the prefix is a token saved before encryption and is read as it is (and
/// encrypted when the installation is saved again). Every replica must use the same key (<c>Storage:TokenKey</c>).
/// </summary>
public sealed class TokenCipher
{
    public const int KeyBytes = 32;
    private const string Prefix = "enc:v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    public TokenCipher(byte[] key)
    {
        if (key.Length != KeyBytes)
            throw new ArgumentException($"A token key is {KeyBytes} bytes; this one is {key.Length}.", nameof(key));
        _key = [.. key];
    }

    /// <summary>A key from its base64 text (<c>Storage:TokenKey</c>); a clear error when it is not 32 bytes of base64.</summary>
    public static TokenCipher FromBase64(string key)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Storage:TokenKey must be {KeyBytes} random bytes in base64 (e.g. `openssl rand -base64 32`).");
        }
        return bytes.Length == KeyBytes ? new TokenCipher(bytes)
            : throw new InvalidOperationException($"Storage:TokenKey must be {KeyBytes} bytes in base64; it is {bytes.Length}.");
    }

    /// <summary>The key kept in <paramref name="path"/>, created (random, readable by the owner only) when missing.</summary>
    public static TokenCipher FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            PrivateFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                using var file = new FileStream(path, PrivateFiles.NewFile(FileAccess.Write));
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // another process created it first: use theirs
            }
        }
        return FromBase64(File.ReadAllText(path).Trim());
    }

    public string Protect(string token)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The token; a value saved before encryption comes back unchanged.</summary>
    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
            return stored;
        try
        {
            var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
            var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or OverflowException)
        {
            throw new InvalidOperationException("A stored bot token cannot be decrypted: was Storage:TokenKey (or the key file beside the database) changed?", ex);
        }
    }
}
