namespace AlignBot.Chat.Stores;

/// <summary>
/// The unit a living glossary belongs to: a Slack workspace or a Teams tenant (the playground is one local workspace).
/// Workspace terms, suggestions, curators, ratings and unanswered questions are all kept per workspace key, and nothing
/// of one workspace is ever read through another's key.
/// </summary>
public sealed record WorkspaceKey(Platform Platform, string WorkspaceOrTenantId)
{
    /// <summary>One string for storage: "slack:T123", "teams:&lt;tenant id&gt;".</summary>
    public string Id => $"{Platform.ToString().ToLowerInvariant()}:{WorkspaceOrTenantId}";

    /// <summary>The workspace a request was asked in.</summary>
    public static WorkspaceKey Of(ChatRequest request) => new(request.Platform, request.Place.WorkspaceOrTenantId);

    /// <summary>Reads an <see cref="Id"/> back, as the stores wrote it.</summary>
    public static WorkspaceKey Parse(string id)
    {
        var separator = id.IndexOf(':', StringComparison.Ordinal);
        return new WorkspaceKey(Enum.Parse<Platform>(id[..separator], ignoreCase: true), id[(separator + 1)..]);
    }

    public override string ToString() => Id;
}
