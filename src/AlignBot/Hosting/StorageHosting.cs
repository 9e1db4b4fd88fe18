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
        builder.Services.AddSingleton(services =>
        {
            var configured = services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
            return new SqliteStore(configured.Length > 0 ? configured : $"Data Source={Path.Combine(contentRoot, "data", "alignbot.db")}");
        });
        builder.Services.AddSingleton<IInstallationStore>(services => services.GetRequiredService<SqliteStore>());
        builder.Services.AddSingleton<IEventDeduplicator>(services => services.GetRequiredService<SqliteStore>());
        builder.Services.AddSingleton<IConversationReferenceStore>(services => services.GetRequiredService<SqliteStore>());
        return builder;
    }
}
