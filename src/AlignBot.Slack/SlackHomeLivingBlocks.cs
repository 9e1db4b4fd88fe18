using System.Globalization;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Home;
using AlignBot.Chat.Living;

namespace AlignBot.Slack;

/// <summary>
/// The Home tab's living-glossary sections in Block Kit: the workspace's own terms and recent additions, and a curator's
/// review queue and unanswered questions, whose buttons are the review message's and the digest's (same action ids, same
/// handlers). Every word a person supplied goes through <see cref="SlackText.Escape"/>; people are mentions of their ids.
/// </summary>
internal static class SlackHomeLivingBlocks
{
    /// <summary>Buttons in one actions block (Slack allows 25).</summary>
    public const int ButtonsPerRow = 25;

    public static List<JsonObject> WorkspaceTerms(HomeSection.WorkspaceTerms own)
    {
        var count = own.Total == 1 ? "One term" : $"{own.Total} terms";
        var shown = own.Total > own.Terms.Count ? $" The first {own.Terms.Count} by name are here; type in the box above for the rest." : "";
        return
        [
            BlockKit.Header("This workspace's terms"),
            BlockKit.Context($"{count} added here and approved by your curators; they answer in this workspace only.{shown}"),
            .. own.Terms.Chunk(ButtonsPerRow).Select((row, i) => BlockKit.Actions($"home-own-{i}", row.Select(t => TermButton(t, t.Name)))),
        ];
    }

    public static List<JsonObject> RecentAdditions(HomeSection.RecentAdditions recent) =>
    [
        BlockKit.Header("Recently added"),
        .. recent.Terms.Select(t => BlockKit.Section(
            $"*{SlackText.Escape(t.Draft.Name)}*\n{OriginLine.Format(t, SlackRenderer.UserMention, SlackText.Escape)}",
            TermButton(new TermRef(t.Slug, t.Draft.Name, t.Draft.Definition), "Show"))),
    ];

    public static List<JsonObject> PendingReview(HomeSection.PendingReview queue)
    {
        var blocks = new List<JsonObject> { BlockKit.Header("Waiting for your review") };
        if (queue.Pending.Count == 0)
            blocks.Add(BlockKit.Section("No suggestions are waiting."));
        foreach (var s in queue.Pending)
        {
            var when = s.SuggestedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            blocks.Add(BlockKit.Section($"*{SlackText.Escape(s.Draft.Name)}* · suggested by {SlackRenderer.UserMention(s.SuggestedBy)} on {when}\n"
                + SlackText.Escape(SlackText.Truncate(s.Draft.Definition, 600))));
            blocks.Add(SlackCurationBlocks.ReviewButtons(s, "home-review-" + s.Id));
        }
        if (queue.Total > queue.Pending.Count)
            blocks.Add(BlockKit.Context($"{queue.Total - queue.Pending.Count} more waiting, oldest first: decide these and the next ones appear here."));
        return blocks;
    }

    public static List<JsonObject> Unanswered(HomeSection.Unanswered unanswered) =>
    [
        BlockKit.Header("Asked, not answered"),
        .. unanswered.Questions.Count == 0
            ? [BlockKit.Section("No unanswered questions lately.")]
            : unanswered.Questions.Select(SlackCurationBlocks.UnansweredQuestion),
    ];

    public static JsonObject TermButton(TermRef term, string label) => BlockKit.Button(label, $"{ActionIds.ShowTerm}:{term.Slug}", term.Slug);
}
