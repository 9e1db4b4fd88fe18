using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Home;

namespace AlignBot.Slack;

/// <summary>
/// Draws a <see cref="HomePage"/> as a Slack Home tab view (<c>views.publish</c>): each section under its own divider,
/// within Block Kit's limit of 100 blocks a view (a section that would go over is cut short and says so; the glossary,
/// last, takes what room is left). The living glossary's sections are drawn by <see cref="SlackHomeLivingBlocks"/>. Term buttons
/// carry the same action ids as on cards; clicked in the Home tab, their card arrives in the app's messages.
/// </summary>
internal static class SlackHomeView
{
    public static JsonObject Render(HomePage page)
    {
        var blocks = new List<JsonObject>();
        foreach (var section in page.Sections)
        {
            var room = BlockKit.MaxViewBlocks - blocks.Count - (blocks.Count > 0 ? 1 : 0);   // less the divider
            var drawn = section switch
            {
                HomeSection.Search search => Search(search),
                HomeSection.TodaysTerm today => Today(today),
                HomeSection.WorkspaceTerms own => SlackHomeLivingBlocks.WorkspaceTerms(own),
                HomeSection.RecentAdditions recent => SlackHomeLivingBlocks.RecentAdditions(recent),
                HomeSection.PendingReview queue => SlackHomeLivingBlocks.PendingReview(queue),
                HomeSection.Unanswered unanswered => SlackHomeLivingBlocks.Unanswered(unanswered),
                HomeSection.Glossary glossary => Glossary(glossary, room),
                _ => [],
            };
            if (room < 2 || drawn.Count == 0)
                continue;   // no room left for a section's heading and anything under it
            if (blocks.Count > 0)
                blocks.Add(BlockKit.Divider());
            blocks.AddRange(Fit(drawn, room));
        }
        return new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray([.. blocks]) };
    }

    /// <summary>A section's blocks, cut to <paramref name="room"/> with a note saying so when they do not all fit.</summary>
    private static List<JsonObject> Fit(List<JsonObject> drawn, int room) => drawn.Count <= room
        ? drawn
        : [.. drawn.Take(room - 1), BlockKit.Context("There is more than the Home tab can show: find the rest with the box above or `/align`.")];

    private static List<JsonObject> Search(HomeSection.Search search) =>
    [
        BlockKit.Header("AlignBot"),
        BlockKit.Section($"Short, sourced definitions of {search.TermCount} AI-alignment terms. Find one:",
            BlockKit.ExternalSelect(SlackActions.PickTerm, "Type a term…", 1)),
        BlockKit.Context("Or ask in your own words in the *Messages* tab, or type `/align` in any channel."),
    ];

    private static List<JsonObject> Today(HomeSection.TodaysTerm today) =>
    [
        BlockKit.Header("Term of the day"),
        BlockKit.Section($"*{SlackText.Escape(today.Term.Name)}* · {SlackText.Escape(today.Category)}\n{SlackText.Escape(SlackText.Truncate(today.Term.Summary, 2500))}",
            SlackHomeLivingBlocks.TermButton(today.Term, "Read more")),
    ];

    /// <summary>A section and rows of buttons per category, in at most <paramref name="room"/> blocks.</summary>
    private static List<JsonObject> Glossary(HomeSection.Glossary glossary, int room)
    {
        var blocks = new List<JsonObject> { BlockKit.Header("The glossary") };
        foreach (var category in glossary.Categories)
        {
            var rows = category.Terms.Chunk(SlackHomeLivingBlocks.ButtonsPerRow).ToList();
            if (blocks.Count + 1 + rows.Count > room - 1)
            {
                blocks.Add(BlockKit.Context("More terms: type a few letters in the box above, or `/align search <words>`."));
                break;
            }
            blocks.Add(BlockKit.Section($"*{SlackText.Escape(category.Label)}* ({category.Terms.Count})"));
            blocks.AddRange(rows.Select((row, i) => BlockKit.Actions($"home-{category.Slug}-{i}", row.Select(t => SlackHomeLivingBlocks.TermButton(t, t.Name)))));
        }
        return blocks;
    }
}
