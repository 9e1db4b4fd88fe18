using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// The living glossary's chat side, the same on every platform: suggesting a term, curators deciding, rating cards,
/// curator management, the review channel, and the questions that went unanswered. Suggestions are stored before anyone
/// is told; a decision is a compare-and-set in the store, so two curators at once give one outcome, and a click that is
/// forged, replayed or from someone who is not a curator is refused with a private note and one log line. Platforms
/// deliver through <see cref="IReviewPublisher"/> and say who administers a workspace through <see cref="ICuratorDirectory"/>.
/// </summary>
public sealed class GlossaryCuration(
    ISuggestionStore suggestions,
    IWorkspaceTermStore terms,
    ICuratorStore curators,
    IRatingStore ratings,
    IUnansweredStore unanswered,
    WorkspaceGlossaries workspaces,
    IEnumerable<ICuratorDirectory> directories,
    IEnumerable<IReviewPublisher> publishers,
    UnansweredRetention retention,
    TimeProvider clock,
    ILogger<GlossaryCuration> log)
{
    /// <summary>How many terms one person may suggest in a day.</summary>
    public const int SuggestionsPerDay = 20;

    /// <summary>How many questions and terms a digest lists.</summary>
    public const int DigestLength = 10;

    /// <summary>The heading of the card shown instead of the form when the term is already defined.</summary>
    public const string AlreadyDefined = "Already in the glossary: is this what you meant?";

    /// <summary>Handles a living-glossary intent; with the store down, says so instead of failing.</summary>
    public async Task<Reply> HandleAsync(ChatRequest request, Intent intent, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        try
        {
            return intent switch
            {
                Intent.SuggestTerm suggest => Suggest(suggest.Name, scope),
                Intent.Rate rate => await RateAsync(request, rate, cancellationToken),
                Intent.Decide decide => await AnnounceAsync(request, await DecideAsync(request, decide.SuggestionId,
                    decide.Approve ? SuggestionState.Approved : SuggestionState.Rejected, null, scope, cancellationToken), scope, cancellationToken),
                Intent.EditSuggestion edit => await EditAsync(request, edit.SuggestionId, cancellationToken),
                Intent.Curators change => await CuratorsAsync(request, change, cancellationToken),
                Intent.ReviewHere => await ReviewHereAsync(request, scope, cancellationToken),
                Intent.ForgetTerm forget => await ForgetAsync(request, forget.Name, scope, cancellationToken),
                Intent.EditTerm edit => await OpenTermAsync(request, edit.Name, scope, cancellationToken),
                Intent.Unanswered => await IsCuratorAsync(workspace, request.User.Id, cancellationToken)
                    ? await DigestAsync(workspace, scope, cancellationToken)
                    : Refuse(request, "unanswered", "not a curator", "Only curators can see what went unanswered."),
                _ => new Reply.Notice("Sorry, I can't do that here."),
            };
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingStoreUnavailable(ex.Message);
            return new Reply.Notice("The workspace glossary cannot be reached right now. Try again in a minute; definitions still work.");
        }
    }

    /// <summary>
    /// The form's fields checked against the rules and the glossary: the draft to store, or the form again with what to fix
    /// (a name or other name already defined included, on edits too; for <paramref name="termSlug"/>, the workspace term being
    /// edited, only names of another term). Pure and quick, for a platform that must answer a submission within seconds.
    /// </summary>
    public static (TermDraft? Draft, Reply.SuggestForm? Errors) Check(DraftInput input, GlossaryScope scope, string? suggestionId = null, string? termSlug = null)
    {
        var (draft, errors) = DraftCheck.Check(input.Name, input.Aliases, input.Definition, input.Source, input.Related, slug => scope.Find(slug) is not null);
        // The form again shows what was typed, other names included as one line, so nothing typed is lost to an error.
        var typed = new TermDraft(input.Name ?? "", string.IsNullOrWhiteSpace(input.Aliases) ? [] : [input.Aliases], input.Definition ?? "", input.Source, input.Related);
        if (draft is null)
            return (null, new Reply.SuggestForm(typed, suggestionId, errors, termSlug));
        var taken = new Dictionary<DraftField, string>();
        if (NameTaken(draft.Name, scope, termSlug) is { } name)
            taken[DraftField.Name] = name;
        if (draft.Aliases.Select(alias => NameTaken(alias, scope, termSlug)).FirstOrDefault(error => error is not null) is { } alias)
            taken[DraftField.Aliases] = alias;
        return taken.Count > 0 ? (null, new Reply.SuggestForm(typed, suggestionId, taken, termSlug)) : (draft, null);
    }

    /// <summary>What to say when <paramref name="name"/> already names a term in scope other than <paramref name="termSlug"/> (the term being edited); else null.</summary>
    private static string? NameTaken(string name, GlossaryScope scope, string? termSlug) =>
        Existing(name, scope) is not { } existing || existing.Slug == termSlug ? null
        : existing.Name.Equals(name, StringComparison.OrdinalIgnoreCase) ? $"“{name}” is already defined: ask for it by name."
        : $"“{name}” is already defined, as “{existing.Name}”: ask for it by name.";

    /// <summary>
    /// What the first field of a form says when the store could not be reached to save it: the form stays open (or comes
    /// back) with everything typed, so nothing is lost.
    /// </summary>
    public const string NotSaved = "This could not be saved right now, try again in a minute: what you typed is still here.";

    /// <summary>
    /// Stores a checked form (<see cref="SaveAsync"/>) and then tells the curators and the person
    /// (<see cref="AnnounceAsync"/>); returns what the person who submitted is told. When the store cannot be reached to
    /// save it, that is the form again, filled in as submitted, with <see cref="NotSaved"/>.
    /// </summary>
    public async Task<Reply> SubmitAsync(ChatRequest request, TermDraft draft, string? suggestionId, string? termSlug, GlossaryScope scope,
        CancellationToken cancellationToken)
    {
        CurationChange change;
        try
        {
            change = await SaveAsync(request, draft, suggestionId, termSlug, scope, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingStoreUnavailable(ex.Message);
            return Unsaved(draft, suggestionId, termSlug);
        }
        return await AnnounceAsync(request, change, scope, cancellationToken);
    }

    /// <summary>The form again, filled in with <paramref name="draft"/>, saying it could not be saved.</summary>
    public static Reply.SuggestForm Unsaved(TermDraft draft, string? suggestionId, string? termSlug) =>
        new(draft, suggestionId, new Dictionary<DraftField, string> { [DraftField.Name] = NotSaved }, termSlug);

    /// <summary>
    /// Stores a checked form and tells no one: a new suggestion; with <paramref name="suggestionId"/>, a curator's edit of a
    /// pending suggestion, which approves it as edited; with <paramref name="termSlug"/>, a curator's edit of an approved
    /// workspace term, stored as its new revision. Throws <see cref="StoreUnavailableException"/> when the store cannot be
    /// reached, and then nothing is stored.
    /// </summary>
    public async Task<CurationChange> SaveAsync(ChatRequest request, TermDraft draft, string? suggestionId, string? termSlug, GlossaryScope scope,
        CancellationToken cancellationToken)
    {
        if (termSlug is not null)
            return await SaveTermAsync(request, termSlug, draft, cancellationToken);
        if (suggestionId is not null)
            return await DecideAsync(request, suggestionId, SuggestionState.Approved, draft, scope, cancellationToken);
        var workspace = WorkspaceKey.Of(request);
        var suggestion = Suggestion.New(workspace, draft, request.User.Id, clock.GetUtcNow());
        if (!await suggestions.TryAddAsync(suggestion, SuggestionsPerDay, cancellationToken))
            return Refused(request, "suggest", "daily limit", $"You have made {SuggestionsPerDay} suggestions today, the most a day. Try again tomorrow.");
        log.SuggestionStored(suggestion.Id, workspace.Id);
        return new CurationChange.Suggested(suggestion);
    }

    /// <summary>
    /// Tells the curators and the person about a stored <paramref name="change"/>, and returns what the person is told. It
    /// never says the change was not made: when the store goes away after it was stored, the reply says what stands (the
    /// suggestion waits in the review queue; the decision or edit is made) and the failure is one log line.
    /// </summary>
    public async Task<Reply> AnnounceAsync(ChatRequest request, CurationChange change, GlossaryScope scope, CancellationToken cancellationToken)
    {
        try
        {
            return change switch
            {
                CurationChange.Suggested suggested => await SendForReviewAsync(request, suggested.Suggestion, scope, cancellationToken),
                CurationChange.Decided decided => await AnnounceDecisionAsync(request, decided.Suggestion, scope, cancellationToken),
                CurationChange.TermEdited edited => await AnnounceTermEditAsync(request, edited, cancellationToken),
                CurationChange.Refused refused => refused.Note,
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingAnnounceFailed(change.GetType().Name, WorkspaceKey.Of(request).Id, ex.Message);
            return change switch
            {
                CurationChange.Suggested suggested => new Reply.Notice($"Thanks! Your suggestion “{suggested.Suggestion.Draft.Name}” is saved. The curators will find it "
                    + "waiting for review (“review here” posts it, and it is in the app's Home tab); they could not be told just now."),
                CurationChange.Decided decided => new Reply.Review(decided.Suggestion, Refs(decided.Suggestion.Draft.Related, scope)),
                CurationChange.TermEdited edited => TermSaved(request, edited.Draft,
                    "it answers with the new text in this workspace within a minute, once the glossary is read again"),
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
        }
    }

    /// <summary>Posts a stored suggestion to the review channel, else to each curator; returns what the suggester is told.</summary>
    private async Task<Reply> SendForReviewAsync(ChatRequest request, Suggestion suggestion, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var review = new Reply.Review(suggestion, Refs(suggestion.Draft.Related, scope));
        if (Publisher(request.Platform) is not { } publisher)
            return review;   // the playground: its one user is the curator, who reviews it right here
        var workspace = suggestion.Workspace;
        if (!await publisher.PostReviewAsync(workspace, await curators.ReviewChannelAsync(workspace, cancellationToken),
                await KnownCuratorsAsync(workspace, cancellationToken), review, request.Place.ChannelId, cancellationToken))
            return new Reply.Notice($"Thanks! Your suggestion “{suggestion.Draft.Name}” is saved, but no curator can be reached yet: "
                + "ask one to say “review here” in the channel where suggestions should be reviewed.");
        return new Reply.Notice($"Thanks! Your suggestion “{suggestion.Draft.Name}” is with the curators; I'll tell you what they decide.");
    }

    /// <summary>Counts a question nothing answered (normalized, without who asked), when keeping them is on; never fails the answer.</summary>
    public async Task RecordUnansweredAsync(WorkspaceKey workspace, string question, CancellationToken cancellationToken)
    {
        if (!retention.Keep || Normalized(question) is not { Length: > 0 } text)
            return;
        try
        {
            await unanswered.RecordAsync(workspace, text, clock.GetUtcNow(), cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingStoreUnavailable(ex.Message);
        }
    }

    /// <summary>Whether unanswered questions are kept at all.</summary>
    public bool KeepsUnanswered => retention.Keep;

    /// <summary>The workspace's top unanswered questions of the retention period and its least helpful terms.</summary>
    public async Task<Reply.Digest> DigestAsync(WorkspaceKey workspace, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var questions = retention.Keep
            ? await unanswered.TopAsync(workspace, clock.GetUtcNow().AddDays(-retention.Days), DigestLength, cancellationToken)
            : [];
        var least = await ratings.LeastHelpfulAsync(workspace, DigestLength, cancellationToken);
        return new Reply.Digest(questions, [.. least.Select(r => (scope.Find(r.Slug), r)).Where(p => p.Item1 is not null).Select(p => (TermRef.Of(p.Item1!), p.r))]);
    }

    /// <summary>Forgets unanswered questions older than the retention period, in every workspace; returns how many.</summary>
    public Task<int> PruneUnansweredAsync(CancellationToken cancellationToken) =>
        unanswered.PruneAsync(clock.GetUtcNow().AddDays(-(retention.Keep ? retention.Days : 0)), cancellationToken);

    /// <summary>Whether the user curates the workspace: named in configuration, added in chat, or an administrator.</summary>
    public async Task<bool> IsCuratorAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        if (workspace.Platform == Platform.Playground)
            return true;   // one local workspace, whose one user curates it
        var directory = Directory(workspace.Platform);
        if (directory is not null && directory.Configured.Contains(userId, StringComparer.Ordinal))
            return true;
        if ((await curators.ListAsync(workspace, cancellationToken)).Contains(userId, StringComparer.Ordinal))
            return true;
        return directory is not null && await directory.IsAdminAsync(workspace, userId, cancellationToken);
    }

    /// <summary>The form prefilled with what the text is about ("what is a blue team drill?" → "blue team drill"), or the card it already has.</summary>
    private static Reply Suggest(string text, GlossaryScope scope)
    {
        var lookup = scope.Lookup(text);
        if (Existing(text, scope) is { } term)
            return new Reply.TermCard(term, [.. scope.RelatedOf(term).Select(TermRef.Of)], Heading: AlreadyDefined, Origin: scope.Origin(term));
        var at = lookup.Subject.Length > 0 ? text.IndexOf(lookup.Subject, StringComparison.OrdinalIgnoreCase) : -1;
        var name = at >= 0 ? text.Substring(at, lookup.Subject.Length) : text;   // the person's own casing
        return new Reply.SuggestForm(new TermDraft(name, [], "", null, []));
    }

    /// <summary>The term whose name, alias, acronym or slug the text is, in scope.</summary>
    private static Term? Existing(string name, GlossaryScope scope) =>
        scope.Find(DraftCheck.Slug(name)) ?? (scope.Lookup(name) is { Kind: Glossary.Search.MatchKind.Exact, Answer: { } exact } ? exact : null);

    /// <summary>Records the person's rating of a card, replacing any earlier one of theirs.</summary>
    private async Task<Reply> RateAsync(ChatRequest request, Intent.Rate rate, CancellationToken cancellationToken)
    {
        await ratings.RateAsync(WorkspaceKey.Of(request), rate.Slug, request.User.Id, rate.Helpful, cancellationToken);
        return new Reply.Notice(rate.Helpful
            ? "Thanks for the feedback."
            : "Thanks for saying so. What were you looking for? Ask again in your own words, or suggest a term with “suggest <term>”.");
    }

    /// <summary>Decides a suggestion in the store (a compare-and-set: one outcome however many click) and tells no one.</summary>
    private async Task<CurationChange> DecideAsync(ChatRequest request, string id, SuggestionState outcome, TermDraft? edited, GlossaryScope scope,
        CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        var action = outcome == SuggestionState.Approved ? (edited is null ? "approve" : "edit") : "reject";
        if (!await IsCuratorAsync(workspace, request.User.Id, cancellationToken))
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
    private async Task<Reply> AnnounceDecisionAsync(ChatRequest request, Suggestion decided, GlossaryScope scope, CancellationToken cancellationToken)
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
        return new Reply.Review(decided, Refs(decided.Draft.Related, scope));
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

    private async Task<Reply> EditAsync(ChatRequest request, string id, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return Refuse(request, "edit", "not a curator", "Only curators can approve, edit or reject suggestions.");
        if (await suggestions.FindAsync(workspace, id, cancellationToken) is not { } suggestion)
            return Refuse(request, "edit", "no such suggestion in this workspace", "That suggestion is not one of this workspace's.");
        if (suggestion.State != SuggestionState.Pending)
            return Refuse(request, "edit", "already decided", "That suggestion has already been decided.");
        return new Reply.SuggestForm(suggestion.Draft, suggestion.Id);
    }

    private async Task<Reply> CuratorsAsync(ChatRequest request, Intent.Curators command, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (command.Change != CuratorChange.List && !await IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return Refuse(request, "curators " + command.Change.ToString().ToLowerInvariant(), "not a curator", "Only curators can add or remove curators.");
        var now = clock.GetUtcNow();
        switch (command.Change)
        {
            case CuratorChange.Add:
                foreach (var person in command.People)
                    await curators.AddAsync(workspace, person.Id, request.User.Id, now, cancellationToken);
                log.CuratorsChanged(workspace.Id, request.User.Id, "added", command.People.Count);
                return new Reply.Notice("Added as curators: " + Slots(command.People.Count) + ".", People: command.People);
            case CuratorChange.Remove:
                var removed = new List<ChatUser>();
                foreach (var person in command.People)
                {
                    if (await curators.RemoveAsync(workspace, person.Id, cancellationToken))
                        removed.Add(person);
                }
                log.CuratorsChanged(workspace.Id, request.User.Id, "removed", removed.Count);
                return removed.Count == 0
                    ? new Reply.Notice("None of them was a curator added in chat (workspace admins and people in the configuration stay curators).")
                    : new Reply.Notice("No longer curators: " + Slots(removed.Count) + ".", People: removed);
            default:
                var known = await KnownCuratorsAsync(workspace, cancellationToken);
                var admins = request.Platform == Platform.Slack ? "The workspace's admins and owners, and " : "";
                return known.Count == 0
                    ? new Reply.Notice(admins.Length > 0 ? "The workspace's admins and owners curate this glossary." : "No curators yet: set them in the configuration.")
                    : new Reply.Notice(admins + "these people curate this glossary: " + Slots(known.Count) + ".", People: [.. known.Select(id => new ChatUser(id))]);
        }
    }

    /// <summary>A curator removes one of the workspace's own terms; corpus terms cannot be changed from chat.</summary>
    private async Task<Reply> ForgetAsync(ChatRequest request, string name, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return Refuse(request, "forget", "not a curator", "Only curators can remove terms.");
        if (Existing(name, scope) is not { } term)
            return new Reply.Notice($"This workspace has no term “{name}”.");
        if (scope.Origin(term) is null)
            return CorpusIsReadOnly(term);
        if (!await terms.DeleteAsync(workspace, term.Slug, request.User.Id, clock.GetUtcNow(), cancellationToken))
            return new Reply.Notice($"“{term.Name}” was already removed.");
        await workspaces.ReloadAsync(workspace, cancellationToken);
        return new Reply.Notice($"Removed “{Reply.Notice.Words(term.Name)}” from this workspace's glossary, by {Reply.Notice.UserSlot}; its history is kept.", request.User);
    }

    /// <summary>A curator opens one of the workspace's own terms in the form, prefilled as it is now; corpus terms cannot be changed from chat.</summary>
    private async Task<Reply> OpenTermAsync(ChatRequest request, string name, GlossaryScope scope, CancellationToken cancellationToken)
    {
        if (!await IsCuratorAsync(WorkspaceKey.Of(request), request.User.Id, cancellationToken))
            return Refuse(request, "edit term", "not a curator", "Only curators can edit terms.");
        if (Existing(name, scope) is not { } term)
            return new Reply.Notice($"This workspace has no term “{name}”.");
        return scope.Origin(term) is { } origin ? new Reply.SuggestForm(origin.Draft, TermSlug: origin.Slug) : CorpusIsReadOnly(term);
    }

    /// <summary>
    /// A curator's edit of a workspace term, stored as a new revision (who and when; the history kept). Checked again here:
    /// the form's submission can be forged.
    /// </summary>
    private async Task<CurationChange> SaveTermAsync(ChatRequest request, string slug, TermDraft draft, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return Refused(request, "edit term", "not a curator", "Only curators can edit terms.");
        if ((await terms.ListAsync(workspace, cancellationToken)).FirstOrDefault(t => t.Slug == slug) is not { } current)
            return Refused(request, "edit term", "no such term in this workspace", "That term is not one of this workspace's (it may have been removed).");
        await terms.SaveAsync(current with { Draft = draft }, TermChange.Edited, request.User.Id, clock.GetUtcNow(), cancellationToken);
        log.WorkspaceTermEdited(slug, workspace.Id, request.User.Id);
        return new CurationChange.TermEdited(workspace, draft);
    }

    /// <summary>An edited term answers at once here and, through the glossary version, on every replica.</summary>
    private async Task<Reply> AnnounceTermEditAsync(ChatRequest request, CurationChange.TermEdited edited, CancellationToken cancellationToken)
    {
        await workspaces.ReloadAsync(edited.Workspace, cancellationToken);
        return TermSaved(request, edited.Draft, "it answers with the new text in this workspace now");
    }

    private static Reply.Notice TermSaved(ChatRequest request, TermDraft draft, string when) =>
        new($"Saved “{Reply.Notice.Words(draft.Name)}”, edited by {Reply.Notice.UserSlot}: {when}; its history is kept.", request.User);

    private static Reply.Notice CorpusIsReadOnly(Term term) => new($"“{term.Name}” is in the reviewed corpus, which cannot be changed from chat.");

    /// <summary>A curator makes this channel the review channel; the suggestions still waiting are posted to it, so none is left unseen.</summary>
    private async Task<Reply> ReviewHereAsync(ChatRequest request, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return Refuse(request, "review here", "not a curator", "Only curators can choose where suggestions are reviewed.");
        await curators.SetReviewChannelAsync(workspace, request.Place.ChannelId, request.User.Id, clock.GetUtcNow(), cancellationToken);
        var waiting = await suggestions.PendingAsync(workspace, cancellationToken);
        if (waiting.Count == 0 || Publisher(request.Platform) is not { } publisher)
            return new Reply.Notice("Suggestions for this workspace will be posted here for review.");
        var posted = 0;
        foreach (var suggestion in waiting)
        {
            if (await publisher.PostReviewAsync(workspace, request.Place.ChannelId, [], new Reply.Review(suggestion, Refs(suggestion.Draft.Related, scope)),
                    request.Place.ChannelId, cancellationToken))
                posted++;
        }
        return new Reply.Notice($"Suggestions for this workspace will be posted here for review. Posted {posted} of the {waiting.Count} suggestions still waiting.");
    }

    /// <summary>The curators this replica can name (configuration and chat; administrators are found only when they act).</summary>
    private async Task<IReadOnlyList<string>> KnownCuratorsAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        [.. (Directory(workspace.Platform)?.Configured ?? []).Concat(await curators.ListAsync(workspace, cancellationToken)).Distinct(StringComparer.Ordinal)];

    private Reply.Notice Refuse(ChatRequest request, string action, string reason, string note)
    {
        log.LivingRefused(action, request.User.Id, WorkspaceKey.Of(request).Id, reason);
        return new Reply.Notice(note);
    }

    private CurationChange.Refused Refused(ChatRequest request, string action, string reason, string note) => new(Refuse(request, action, reason, note));

    private ICuratorDirectory? Directory(Platform platform) => directories.FirstOrDefault(d => d.Platform == platform);

    private IReviewPublisher? Publisher(Platform platform) => publishers.FirstOrDefault(p => p.Platform == platform);

    private static List<TermRef> Refs(IReadOnlyList<string> slugs, GlossaryScope scope) => [.. slugs.Select(scope.Find).OfType<Term>().Select(TermRef.Of)];

    private static string Slots(int count) => string.Join(", ", Enumerable.Repeat(Reply.Notice.UserSlot, count));

    /// <summary>
    /// A question as kept: chat noise removed, lower case, punctuation gone, white space folded, at most 200 characters,
    /// so "What is X?" and "what is x" count as one; never who asked.
    /// </summary>
    private static string Normalized(string question)
    {
        var letters = ChatText.Normalize(question).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var text = string.Join(' ', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 200 ? text : text[..200];
    }
}
