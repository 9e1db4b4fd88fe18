using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Teams;

/// <summary>
/// The search message extension: <c>composeExtension/query</c> answers with term previews as the user types (a few
/// well-known terms on first open), each inserting the full card; <c>composeExtension/selectItem</c> returns the card
/// of the chosen preview. Both answer synchronously from the in-memory glossary: the corpus and, once this replica has
/// loaded them, the tenant's own terms (never another tenant's).
/// </summary>
internal sealed class MessageExtension(TermGlossary glossary, Bot bot, AdaptiveCardRenderer renderer, WorkspaceGlossaries? workspaces = null)
{
    public const int MaxResults = 25;

    public JsonObject Query(JsonElement? value, WorkspaceKey? tenant = null)
    {
        var parameters = value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().ToList()
            : [];
        var initialRun = parameters.Any(x => Activity.Str(x, "name") == "initialRun" && Activity.Str(x, "value") == "true");
        var text = parameters.Select(x => Activity.Str(x, "value")).FirstOrDefault(s => s is not null && !initialRun) ?? "";
        var count = value is { ValueKind: JsonValueKind.Object } q && q.TryGetProperty("queryOptions", out var o) && o.ValueKind == JsonValueKind.Object
            && o.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? Math.Clamp(n, 1, MaxResults) : 10;

        var terms = initialRun || text.Trim().Length == 0
            ? ExampleTerms.Slugs.Select(glossary.Find).OfType<Term>().Take(count).ToList()
            : bot.Suggest(text, count, tenant);
        return Result([.. terms.Select(t => Item(t, tenant))]);
    }

    public JsonObject SelectItem(JsonElement? value, WorkspaceKey? tenant = null)
    {
        var slug = value is { } v ? Activity.Str(v, "slug") : null;
        var scope = new GlossaryScope(glossary, tenant is null ? null : workspaces?.Current(tenant));
        return slug is not null && scope.Find(slug) is { } term ? Result([Item(term, tenant)]) : Result([]);
    }

    private JsonObject Item(Term term, WorkspaceKey? tenant)
    {
        var click = ChatRequest.Click(Platform.Teams, ChatAction.ShowTerm(term.Slug), ChatUser.Anonymous,
            tenant is null ? ChatPlace.Local : new ChatPlace(tenant.WorkspaceOrTenantId, ""));
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
