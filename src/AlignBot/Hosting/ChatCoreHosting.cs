using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Home;
using AlignBot.Chat.Living;
using AlignBot.Chat.Settings;
using AlignBot.Glossary;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>Registers the platform-neutral chat core with the host: the bot, its metrics, the term of the day and its scheduler, and the living glossary (workspace glossaries, their refresher, curation).</summary>
public static class ChatCoreHosting
{
    public static WebApplicationBuilder AddChatCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .Validate(o => o.PublicBaseUrl.Length == 0 || HttpUrl.IsValid(o.PublicBaseUrl), "App:PublicBaseUrl must be empty or an absolute http(s) URL.")
            .ValidateOnStart();
        builder.Services.AddOptions<DailyOptions>().BindConfiguration(DailyOptions.Section).ValidateDataAnnotationsByKey(DailyOptions.Section).ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DailyService>();
        builder.Services.AddHostedService<DailyScheduler>();
        builder.Services.AddSingleton<ChatMetrics>();
        builder.Services.AddSingleton<HomePages>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotationsByKey(PrivacyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<WorkspaceGlossaries>();
        builder.Services.AddHostedService<WorkspaceGlossaryRefresher>();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<PrivacyOptions>>().Value is var privacy
            ? new UnansweredRetention(privacy.KeepUnanswered, privacy.UnansweredDays)
            : UnansweredRetention.Default);
        builder.Services.AddSingleton<CuratorRoster>();
        builder.Services.AddSingleton<GlossaryFeedback>();
        builder.Services.AddSingleton<SuggestionReview>();
        builder.Services.AddSingleton<WorkspaceTermEditor>();
        builder.Services.AddSingleton<CurationAnnouncements>();
        builder.Services.AddSingleton<FormSubmissions>();
        builder.Services.AddSingleton<GlossaryCuration>();
        builder.Services.AddSingleton<DigestService>();
        builder.Services.AddSingleton(services => new Bot(services.GetRequiredService<TermGlossary>(), daily: services.GetRequiredService<DailyService>(),
            metrics: services.GetRequiredService<ChatMetrics>(), workspaces: services.GetRequiredService<WorkspaceGlossaries>(),
            curation: services.GetRequiredService<GlossaryCuration>(), feedback: services.GetRequiredService<GlossaryFeedback>()));
        return builder;
    }
}
