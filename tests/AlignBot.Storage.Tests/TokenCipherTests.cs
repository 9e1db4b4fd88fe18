namespace AlignBot.Storage.Tests;

/// <summary>Bot tokens at rest: AES-GCM with a fresh nonce, legacy plaintext read as is, key problems named.</summary>
public sealed class TokenCipherTests
{
    private static readonly TokenCipher Cipher = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(TokenCipher.KeyBytes));

    [Fact]
    public void Round_trips_and_never_shows_the_token_or_repeats_a_ciphertext()
    {
        const string token = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

        var (first, second) = (Cipher.Protect(token), Cipher.Protect(token));

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("pdFZKVeTuE8sk7oOcBrzbqgy", first);
        Assert.Equal(token, Cipher.Unprotect(first));
        Assert.Equal(token, Cipher.Unprotect(second));
    }

    [Fact]
    public void Value_without_the_prefix_is_a_token_from_before_encryption() =>
        Assert.Equal("xoxb-plain", Cipher.Unprotect("xoxb-plain"));

    [Fact]
    public void Tampered_ciphertext_is_refused()
    {
        var stored = Cipher.Protect("xoxb-token").ToCharArray();
        stored[^3] = stored[^3] == 'A' ? 'B' : 'A';

        Assert.Throws<InvalidOperationException>(() => Cipher.Unprotect(new string(stored)));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Bad_configured_key_is_a_clear_error(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TokenCipher.FromBase64(key));

        Assert.Contains("Storage:TokenKey", error.Message);
    }

    [Fact]
    public void Key_file_is_created_once_readable_by_the_owner_only_and_reused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alignbot-key-{Guid.NewGuid():N}", "a.token-key");
        try
        {
            var sealedOnce = TokenCipher.FromKeyFile(path).Protect("xoxb-token");

            Assert.Equal("xoxb-token", TokenCipher.FromKeyFile(path).Unprotect(sealedOnce));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
