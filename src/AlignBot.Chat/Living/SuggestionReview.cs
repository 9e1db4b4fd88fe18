using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// Curators reviewing suggestions: a stored suggestion posted to the review channel (else to each curator), Approve and
/// Reject (a compare-and-set in the store, so two curators at once give one outcome), Edit opening a pending suggestion
/// in the form, and <c>review here</c> choosing the review channel. A click that is forged, replayed or from someone who
/// is not a curator is refused with a private note and one log line. Platforms deliver through <see cref="IReviewPublisher"/>.
/// </summary>
public sealed class SuggestionReview(ISuggestionStore suggestions, ICuratorStore curators, CuratorRoster roster, WorkspaceGlossaries workspaces,
    IEnumerable<IReviewPublisher> publishers, TimeProvider clock, ILogger<SuggestionReview> log)
{
    /// <summary>Posts a stored suggestion to the review channel, else to each curator; returns what the suggester is told.</summary>
    public async Task<Reply> SendAsync(ChatRequest request, Suggestion suggestion, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var review = new Reply.Review(suggestion, scope.Refs(suggestion.Draft.Related));
        if (Publisher(request.Platform) is not { } publisher)
            return review;   // the playground: its one user is the curator, who reviews it right here
        var workspace = suggestion.Workspace;
        if (!await publisher.PostReviewAsync(workspace, await curators.ReviewChannelAsync(workspace, cancellationToken),
                await roster.KnownAsync(workspace, cancellationToken), review, request.Place.ChannelId, cancellationToken))
            return new Reply.Notice($"Thanks! Your suggestion “{suggestion.Draft.Name}” is saved, but no curator can be reached yet: "
                + "ask one to say “review here” in the channel where suggestions should be reviewed.");
        return new Reply.Notice($"Thanks! Your suggestion “{suggestion.Draft.Name}” is with the curators; I'll tell you what they decide.");
    }

    /// <summary>
    /// Decides a suggestion in the store (a compare-and-set: one outcome however many click) and tells no one; with
    /// <paramref name="edited"/>, a curator's edit, approved as edited.
    /// </summary>
    public async Task<CurationChange> DecideAsync(ChatRequest request, string id, SuggestionState outcome, TermDraft? edited, GlossaryScope scope,
        CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        var action = outcome == SuggestionState.Approved ? (edited is null ? "approve" : "edit") : "reject";
        if (!await roster.IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return Refused(request, action, "not a curator", "Only curators can approve, edit or reject suggestions.");
        if (await suggestions.FindAsync(workspace, id, cancellationToken) is not { } suggestion)
            return Refused(request, action, "no such suggestion in this workspace", "That suggestion is not one of this workspace's.");
        var draft = edited ?? suggestion.Draft;
        var now = clock.GetUtcNow();
        ApprovalOutcome? result = outcome == SuggestionState.Approved
            ? await suggestions.TryApproveAsync(id, new WorkspaceTerm(workspace, SlugFor(draft, id, scope), draft, suggestion.SuggestedBy, request.User.Id, now),
                cancellationToken)
            : await suggestions.TryDecideAsync(workspace, id, outcome, draft, request.User.Id, now, cancellationToken) ? null : ApprovalOutcome.AlreadyDecided;
        switch (result)
        {
            case ApprovalOutcome.AlreadyDecided:
                return Refused(request, action, "already decided", "That suggestion has already been decided.");
            case ApprovalOutcome.NameTaken:
                return Refused(request, action, "name taken",
                    $"This workspace already has a term “{draft.Name}”: edit that term, or edit the suggestion under another name.");
        }
        log.SuggestionDecided(id, workspace.Id, outcome, request.User.Id);
        return new CurationChange.Decided(suggestion with { Draft = draft, State = outcome, DecidedBy = request.User.Id, DecidedAt = now });
    }

    /// <summary>Makes an approved term answer here at once and tells the suggester; the decided review is the reply.</summary>
    public async Task<Reply> AnnounceAsync(ChatRequest request, Suggestion decided, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var approved = decided.State == SuggestionState.Approved;
        if (approved)
            await workspaces.ReloadAsync(decided.Workspace, cancellationToken);   // answers here at once; other replicas poll the version
        if (Publisher(request.Platform) is { } publisher)
        {
            var note = approved
                ? $"Your suggestion “{Reply.Notice.Words(decided.Draft.Name)}” was approved by {Reply.Notice.UserSlot}: it now answers in this workspace."
                : $"Your suggestion “{Reply.Notice.Words(decided.Draft.Name)}” was not accepted by {Reply.Notice.UserSlot}.";
            await publisher.TellAsync(decided.Workspace, decided.SuggestedBy, new Reply.Notice(note, request.User), request.Place.ChannelId, cancellationToken);
        }
        return Decided(decided, scope);
    }

    /// <summary>The decided suggestion as the review message shows it.</summary>
    public static Reply.Review Decided(Suggestion decided, GlossaryScope scope) => new(decided, scope.Refs(decided.Draft.Related));

    /// <summary>A curator opens a pending suggestion in the form, prefilled as suggested; its submission approves it as edited.</summary>
    public async Task<Reply> OpenAsync(ChatRequest request, string id, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await roster.IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return log.Refuse(request, "edit", "not a curator", "Only curators can approve, edit or reject suggestions.");
        if (await suggestions.FindAsync(workspace, id, cancellationToken) is not { } suggestion)
            return log.Refuse(request, "edit", "no such suggestion in this workspace", "That suggestion is not one of this workspace's.");
        if (suggestion.State != SuggestionState.Pending)
            return log.Refuse(request, "edit", "already decided", "That suggestion has already been decided.");
        return new Reply.SuggestForm(suggestion.Draft, suggestion.Id);
    }

    /// <summary>A curator makes this channel the review channel; the suggestions still waiting are posted to it, so none is left unseen.</summary>
    public async Task<Reply> ReviewHereAsync(ChatRequest request, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await roster.IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return log.Refuse(request, "review here", "not a curator", "Only curators can choose where suggestions are reviewed.");
        await curators.SetReviewChannelAsync(workspace, request.Place.ChannelId, request.User.Id, clock.GetUtcNow(), cancellationToken);
        var waiting = await suggestions.PendingAsync(workspace, cancellationToken);
        if (waiting.Count == 0 || Publisher(request.Platform) is not { } publisher)
            return new Reply.Notice("Suggestions for this workspace will be posted here for review.");
        var posted = 0;
        foreach (var suggestion in waiting)
        {
            if (await publisher.PostReviewAsync(workspace, request.Place.ChannelId, [], new Reply.Review(suggestion, scope.Refs(suggestion.Draft.Related)),
                    request.Place.ChannelId, cancellationToken))
                posted++;
        }
        return new Reply.Notice($"Suggestions for this workspace will be posted here for review. Posted {posted} of the {waiting.Count} suggestions still waiting.");
    }

    /// <summary>
    /// The slug an approved draft is stored under: its name's, or, when a corpus term has that one, the name's with the
    /// suggestion's id, so the workspace's sense sits beside the corpus's. A workspace term with the name's slug is not
    /// avoided: the store refuses the approval then, rather than adding a second term of that name.
    /// </summary>
    private static string SlugFor(TermDraft draft, string suggestionId, GlossaryScope scope)
    {
        var slug = DraftCheck.Slug(draft.Name);
        return scope.Find(slug) is { } found && scope.Origin(found) is null ? slug + "-" + suggestionId[..6] : slug;
    }

    private CurationChange.Refused Refused(ChatRequest request, string action, string reason, string note) => new(log.Refuse(request, action, reason, note));

    private IReviewPublisher? Publisher(Platform platform) => publishers.FirstOrDefault(p => p.Platform == platform);
}
