using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>Registers the store behind the interfaces of AlignBot.Chat.</summary>
public static class StorageHosting
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton<SqlStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var key = options.TokenKey.Length > 0 ? TokenCipher.FromBase64(options.TokenKey) : null;
            var sqlite = options.ConnectionString.Length > 0 ? options.ConnectionString : $"Data Source={Path.Combine(contentRoot, "data", "alignbot.db")}";
            return options.Provider.ToLowerInvariant() switch
            {
                "sqlite" => new SqliteStore(sqlite, key ?? SqliteStore.TokenKeyBeside(sqlite)),
                "postgres" or "postgresql" when options.ConnectionString.Length > 0 => new PostgresStore(options.ConnectionString,
                    key ?? Unencrypted(services.GetRequiredService<ILoggerFactory>())),
                "postgres" or "postgresql" => throw new InvalidOperationException("Storage:Provider=postgres needs Storage:ConnectionString."),
                _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not sqlite or postgres."),
            };
        });
        builder.Services.AddSingleton<IInstallationStore>(services => services.GetRequiredService<SqlStore>());
        builder.Services.AddSingleton<IEventDeduplicator>(services => services.GetRequiredService<SqlStore>());
        builder.Services.AddSingleton<IConversationReferenceStore>(services => services.GetRequiredService<SqlStore>());
        builder.Services.AddSingleton<IDailyStore>(services => services.GetRequiredService<SqlStore>());
        return builder;
    }

    private static TokenCipher? Unencrypted(ILoggerFactory logs)
    {
        logs.CreateLogger("AlignBot.Storage").TokensUnencrypted();
        return null;
    }

    /// <summary>
    /// Opens (and migrates) the store before the host starts. False, after one clear log line and no stack trace,
    /// when it cannot be reached: the caller exits with <see cref="StoreUnavailableExitCode"/>.
    /// </summary>
    public static bool OpenStore(this WebApplication app)
    {
        try
        {
            var store = app.Services.GetRequiredService<AlignBot.Storage.SqlStore>();
            if (store.Schema.IsAhead)
                app.Logger.SchemaAhead(store.Schema.Database, store.Schema.Build);
            return true;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or System.Net.Sockets.SocketException
                                       || ex.InnerException is System.Data.Common.DbException or System.Net.Sockets.SocketException)
        {
            app.Logger.StoreUnavailable(ex.Message);
            return false;
        }
    }

    public const int StoreUnavailableExitCode = 3;
}
