using System.Text.Json.Nodes;

namespace AlignBot.Teams;

/// <summary>The message activity AlignBot sends into a conversation: one Adaptive Card, from the bot, to a user or to everyone.</summary>
internal static class OutgoingActivity
{
    /// <summary>A message carrying <paramref name="card"/>, as a reply to <paramref name="replyToId"/> when given.</summary>
    public static JsonObject Message(ActivityAccount bot, string conversationId, ActivityAccount? user, string? replyToId, JsonObject card)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = bot.Id, ["name"] = bot.Name },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["attachments"] = new JsonArray(AdaptiveCardRenderer.Attachment((JsonObject)card.DeepClone())),
        };
        if (user is not null)
            activity["recipient"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        if (replyToId is not null)
            activity["replyToId"] = replyToId;
        if (card["fallbackText"] is { } fallback)
            activity["summary"] = fallback.GetValue<string>();
        return activity;
    }
}
