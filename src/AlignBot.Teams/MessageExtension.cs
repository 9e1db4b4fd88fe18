using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Teams;

/// <summary>
/// The search message extension: <c>composeExtension/query</c> answers with term previews as the user types (a few
/// well-known terms on first open), each inserting the full card; <c>composeExtension/selectItem</c> returns the card
/// of the chosen preview. Both answer in the invoke's response from the corpus and the tenant's own terms (never another
/// tenant's), loaded by <see cref="Bot.ScopeAsync"/> on the tenant's first use: the corpus alone while the store is down.
/// </summary>
internal sealed class MessageExtension(TermGlossary glossary, Bot bot, AdaptiveCardRenderer renderer)
{
    public const int MaxResults = 25;

    public async Task<JsonObject> QueryAsync(JsonElement? value, WorkspaceKey? tenant, CancellationToken cancellationToken)
    {
        var parameters = value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().ToList()
            : [];
        var initialRun = parameters.Any(x => Activity.Str(x, "name") == "initialRun" && Activity.Str(x, "value") == "true");
        var text = parameters.Select(x => Activity.Str(x, "value")).FirstOrDefault(s => s is not null && !initialRun) ?? "";
        var count = value is { ValueKind: JsonValueKind.Object } q && q.TryGetProperty("queryOptions", out var o) && o.ValueKind == JsonValueKind.Object
            && o.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? Math.Clamp(n, 1, MaxResults) : 10;

        if (initialRun || text.Trim().Length == 0)
            return Result([.. ExampleTerms.Slugs.Select(glossary.Find).OfType<Term>().Take(count).Select(t => Item(t, tenant))]);
        await bot.LoadWorkspaceAsync(new ChatRequest(Platform.Teams, text, ChatUser.Anonymous, PlaceOf(tenant)), cancellationToken);
        var terms = bot.Suggest(text, count, tenant);
        return Result([.. terms.Select(t => Item(t, tenant))]);
    }

    public async Task<JsonObject> SelectItemAsync(JsonElement? value, WorkspaceKey? tenant, CancellationToken cancellationToken)
    {
        if ((value is { } v ? Activity.Str(v, "slug") : null) is not { } slug)
            return Result([]);
        var scope = await bot.ScopeAsync(Showing(slug, tenant), cancellationToken);
        return scope.Find(slug) is { } term ? Result([Item(term, tenant)]) : Result([]);
    }

    /// <summary>A click showing <paramref name="slug"/> in the tenant: what the bot scopes and answers.</summary>
    private static ChatRequest Showing(string slug, WorkspaceKey? tenant) =>
        ChatRequest.Click(Platform.Teams, ChatAction.ShowTerm(slug), ChatUser.Anonymous, PlaceOf(tenant));

    /// <summary>The tenant as a place, whose own terms a request there sees; without one, nowhere in particular (the corpus).</summary>
    private static ChatPlace PlaceOf(WorkspaceKey? tenant) => tenant is null ? ChatPlace.Local : new ChatPlace(tenant.WorkspaceOrTenantId, "");

    private JsonObject Item(Term term, WorkspaceKey? tenant)
    {
        var click = Showing(term.Slug, tenant);
        var card = bot.AnswerAtOnce(click)?.Reply ?? bot.AnswerFromGlossary(click);   // the tenant's own terms once loaded, else the corpus
        var attachment = AdaptiveCardRenderer.Attachment(renderer.Render(card));
        attachment["preview"] = new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.thumbnail",
            ["content"] = new JsonObject
            {
                ["title"] = TeamsText.Plain(term.Name),
                ["text"] = TeamsText.Escape(TeamsText.Truncate(term.Summary, 140)),
                ["tap"] = new JsonObject { ["type"] = "invoke", ["value"] = new JsonObject { ["slug"] = term.Slug } },
            },
        };
        return attachment;
    }

    private static JsonObject Result(JsonArray attachments) => new()
    {
        ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = attachments },
    };
}
