using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// Curators changing a workspace's own approved terms: <c>edit &lt;term&gt;</c> (the form, prefilled as the term is now;
/// its submission stored as a new revision) and <c>forget &lt;term&gt;</c>. Every change keeps who and when, and answers
/// at once here and, through the glossary version, on every replica. Corpus terms cannot be changed from chat.
/// </summary>
public sealed class WorkspaceTermEditor(IWorkspaceTermStore terms, CuratorRoster roster, WorkspaceGlossaries workspaces, TimeProvider clock,
    ILogger<WorkspaceTermEditor> log)
{
    /// <summary>A curator opens one of the workspace's own terms in the form, prefilled as it is now.</summary>
    public async Task<Reply> OpenAsync(ChatRequest request, string name, GlossaryScope scope, CancellationToken cancellationToken)
    {
        if (!await roster.IsCuratorAsync(WorkspaceKey.Of(request), request.User.Id, cancellationToken))
            return log.Refuse(request, "edit term", "not a curator", "Only curators can edit terms.");
        if (scope.Named(name) is not { } term)
            return new Reply.Notice($"This workspace has no term “{name}”.");
        return scope.Origin(term) is { } origin ? new Reply.SuggestForm(origin.Draft, TermSlug: origin.Slug) : CorpusIsReadOnly(term);
    }

    /// <summary>
    /// A curator's edit of a workspace term, stored as a new revision (who and when; the history kept), telling no one.
    /// Checked again here: the form's submission can be forged.
    /// </summary>
    public async Task<CurationChange> SaveAsync(ChatRequest request, string slug, TermDraft draft, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await roster.IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return new CurationChange.Refused(log.Refuse(request, "edit term", "not a curator", "Only curators can edit terms."));
        if ((await terms.ListAsync(workspace, cancellationToken)).FirstOrDefault(t => t.Slug == slug) is not { } current)
            return new CurationChange.Refused(log.Refuse(request, "edit term", "no such term in this workspace",
                "That term is not one of this workspace's (it may have been removed)."));
        await terms.SaveAsync(current with { Draft = draft }, TermChange.Edited, request.User.Id, clock.GetUtcNow(), cancellationToken);
        log.WorkspaceTermEdited(slug, workspace.Id, request.User.Id);
        return new CurationChange.TermEdited(workspace, draft);
    }

    /// <summary>An edited term answers at once here and, through the glossary version, on every replica.</summary>
    public async Task<Reply> AnnounceAsync(ChatRequest request, CurationChange.TermEdited edited, CancellationToken cancellationToken)
    {
        await workspaces.ReloadAsync(edited.Workspace, cancellationToken);
        return Saved(request, edited.Draft, "it answers with the new text in this workspace now");
    }

    /// <summary>What the curator is told about a stored edit; <paramref name="when"/> says when it answers.</summary>
    public static Reply.Notice Saved(ChatRequest request, TermDraft draft, string when) =>
        new($"Saved “{Reply.Notice.Words(draft.Name)}”, edited by {Reply.Notice.UserSlot}: {when}; its history is kept.", request.User);

    /// <summary>A curator removes one of the workspace's own terms, keeping its history.</summary>
    public async Task<Reply> ForgetAsync(ChatRequest request, string name, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (!await roster.IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return log.Refuse(request, "forget", "not a curator", "Only curators can remove terms.");
        if (scope.Named(name) is not { } term)
            return new Reply.Notice($"This workspace has no term “{name}”.");
        if (scope.Origin(term) is null)
            return CorpusIsReadOnly(term);
        if (!await terms.DeleteAsync(workspace, term.Slug, request.User.Id, clock.GetUtcNow(), cancellationToken))
            return new Reply.Notice($"“{term.Name}” was already removed.");
        await workspaces.ReloadAsync(workspace, cancellationToken);
        return new Reply.Notice($"Removed “{Reply.Notice.Words(term.Name)}” from this workspace's glossary, by {Reply.Notice.UserSlot}; its history is kept.", request.User);
    }

    private static Reply.Notice CorpusIsReadOnly(Term term) => new($"“{term.Name}” is in the reviewed corpus, which cannot be changed from chat.");
}
