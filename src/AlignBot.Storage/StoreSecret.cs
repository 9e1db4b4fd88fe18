using System.Security.Cryptography;

namespace AlignBot.Storage;

/// <summary>
/// A random secret key kept in the store (<c>store_secrets</c>), created once for the installation by whichever replica
/// needs it first (an insert that loses the race keeps the winner's) and read once per process. Never logged.
/// </summary>
internal sealed class StoreSecret(SqlDatabase db, string name)
{
    public const int KeyBytes = 32;

    private byte[]? _key;

    public async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } key)
            return key;
        await db.ExecuteAsync("INSERT INTO store_secrets (name, secret) VALUES (@name, @secret) ON CONFLICT (name) DO NOTHING", cancellationToken,
            ("name", name), ("secret", Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))));
        var stored = await db.SingleAsync("SELECT secret FROM store_secrets WHERE name = @name", r => r.GetString(0), cancellationToken, ("name", name));
        return _key = Convert.FromBase64String(stored ?? throw new InvalidOperationException($"The store secret {name} was not kept."));
    }
}
