using System.Security.Cryptography;
using System.Text;
using AlignBot.Glossary;

namespace AlignBot.Chat.Home;

/// <summary>
/// Builds the <see cref="HomePage"/> a person sees: the sections every workspace has (search, today's term, the
/// glossary by category), then the sections of the person's own workspace.
/// </summary>
public sealed class HomePages(TermGlossary glossary, TimeProvider clock)
{
    /// <summary>The home of <paramref name="user"/> in <paramref name="place"/> (the channel is empty: a home is per person).</summary>
    public Task<HomePage> ForAsync(ChatUser user, ChatPlace place, CancellationToken cancellationToken)
    {
        List<HomeSection> sections = [new HomeSection.Search(glossary.Count), Today()];

        // Per-workspace sections (the workspace's own terms, a curator's review queue, unanswered questions) are added
        // here, from the stores, for place.WorkspaceOrTenantId and user: before the glossary, which is the longest.

        sections.Add(new HomeSection.Glossary(ByCategory()));
        return Task.FromResult(new HomePage(sections));
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
