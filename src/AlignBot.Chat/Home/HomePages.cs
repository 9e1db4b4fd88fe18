using System.Security.Cryptography;
using System.Text;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Home;

/// <summary>
/// Builds the <see cref="HomePage"/> a person sees: the sections every workspace has (search, today's term, the
/// glossary by category) and, from the living glossary, the person's own workspace's: its terms and recent additions
/// once it has any, and for a curator (<see cref="CuratorRoster.IsCuratorAsync"/>) the review queue and the
/// unanswered questions. With the store down the home still opens, without the workspace's sections.
/// </summary>
public sealed class HomePages(TermGlossary glossary, WorkspaceGlossaries workspaces, ISuggestionStore suggestions, CuratorRoster roster, GlossaryFeedback feedback,
    TimeProvider clock, ILogger<HomePages> log)
{
    /// <summary>How many of the workspace's own terms the home lists as buttons (two rows of Slack's 25).</summary>
    public const int ListedTerms = 50;

    /// <summary>How many recent additions, pending suggestions and unanswered questions the home lists.</summary>
    public const int ListedItems = 5;

    /// <summary>The home of <paramref name="userId"/> in <paramref name="workspace"/>.</summary>
    public async Task<HomePage> ForAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        List<HomeSection> sections = [new HomeSection.Search(glossary.Count), Today()];
        try
        {
            sections.AddRange(await WorkspaceSectionsAsync(workspace, userId, cancellationToken));
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingStoreUnavailable(ex.Message);
        }
        sections.Add(new HomeSection.Glossary(ByCategory()));   // last: the longest, cut first when the view is full
        return new HomePage(sections);
    }

    private async Task<List<HomeSection>> WorkspaceSectionsAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        var sections = new List<HomeSection>();
        var own = await workspaces.GetAsync(workspace, cancellationToken);
        var terms = own.Glossary.Terms;
        if (terms.Count > 0)
        {
            sections.Add(new HomeSection.WorkspaceTerms(
                [.. terms.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Take(ListedTerms).Select(TermRef.Of)], terms.Count));
            sections.Add(new HomeSection.RecentAdditions(
                [.. terms.Select(t => own.Origin(t.Slug)).OfType<WorkspaceTerm>().OrderByDescending(t => t.ApprovedAt).Take(ListedItems)]));
        }
        if (!await roster.IsCuratorAsync(workspace, userId, cancellationToken))
            return sections;
        var pending = await suggestions.PendingAsync(workspace, cancellationToken);
        sections.Add(new HomeSection.PendingReview([.. pending.Take(ListedItems)], pending.Count));
        if (feedback.KeepsUnanswered)
        {
            var digest = await feedback.DigestAsync(workspace, new GlossaryScope(glossary, own), cancellationToken);
            sections.Add(new HomeSection.Unanswered([.. digest.Questions.Take(ListedItems)]));
        }
        return sections;
    }

    /// <summary>A term picked by the UTC date, the same for everyone that day and different from one day to the next.</summary>
    private HomeSection.TodaysTerm Today()
    {
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var terms = glossary.Terms;
        var term = terms[(int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes("home:" + date))) % (uint)terms.Count)];
        return new HomeSection.TodaysTerm(TermRef.Of(term), Categories.Label(term.Category));
    }

    private List<HomeCategory> ByCategory()
    {
        var terms = glossary.Terms;   // one snapshot, though the corpus may be reloaded meanwhile
        return
        [
            .. Categories.All
                .Select(slug => new HomeCategory(slug, Categories.Label(slug),
                    [.. terms.Where(t => t.Category == slug).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(TermRef.Of)]))
                .Where(c => c.Terms.Count > 0),
        ];
    }
}
