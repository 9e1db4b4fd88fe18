namespace AlignBot.Chat.Stores;

/// <summary>
/// A term one workspace added to its own glossary: the current revision of <see cref="Draft"/>, who suggested it and
/// which curator approved it when (what its card's footer says). <see cref="Slug"/> is its id within the workspace.
/// </summary>
public sealed record WorkspaceTerm(WorkspaceKey Workspace, string Slug, TermDraft Draft, string SuggestedBy, string ApprovedBy, DateTimeOffset ApprovedAt);
