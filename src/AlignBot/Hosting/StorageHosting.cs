using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>Registers the database and its per-concern stores behind the interfaces of AlignBot.Chat, and its health for readiness.</summary>
public static class StorageHosting
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton<SqlDatabase>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var key = options.TokenKey.Length > 0 ? TokenCipher.FromBase64(options.TokenKey) : null;
            var sqlite = options.ConnectionString.Length > 0 ? options.ConnectionString : $"Data Source={Path.Combine(contentRoot, "data", "alignbot.db")}";
            // StorageOptionsValidator has ruled out any other provider, a missing PostgreSQL connection string and a bad key.
            return options.IsPostgres
                ? new PostgresDatabase(options.ConnectionString, key ?? Unencrypted(services.GetRequiredService<ILoggerFactory>()))
                : new SqliteDatabase(sqlite, key ?? SqliteDatabase.TokenKeyBeside(sqlite));
        });
        builder.Services.AddSingleton<IStoreHealth>(services => services.GetRequiredService<SqlDatabase>());
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().Installations);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().Events);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().ConversationReferences);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().Daily);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().WorkspaceTerms);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().Suggestions);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().Curators);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().Ratings);
        builder.Services.AddSingleton(services => services.GetRequiredService<SqlDatabase>().Unanswered);
        return builder;
    }

    private static TokenCipher? Unencrypted(ILoggerFactory logs)
    {
        logs.CreateLogger("AlignBot.Storage").TokensUnencrypted();
        return null;
    }

    /// <summary>
    /// Opens (and migrates) the store before the host starts; when it cannot be reached, throws
    /// <see cref="StoreUnavailableException"/>, which ends the start-up with one line and exit code 3.
    /// </summary>
    public static void OpenStore(this WebApplication app)
    {
        try
        {
            var store = app.Services.GetRequiredService<SqlDatabase>();
            if (store.Schema.IsAhead)
                app.Logger.SchemaAhead(store.Schema.Database, store.Schema.Build);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException
                                       or System.Net.Sockets.SocketException
                                   || ex.InnerException is System.Data.Common.DbException or System.Net.Sockets.SocketException)
        {
            throw new StoreUnavailableException("start-up", ex);
        }
    }
}
