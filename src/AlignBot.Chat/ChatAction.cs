namespace AlignBot.Chat;

/// <summary>A button press: which action (see <see cref="ActionIds"/>) and the value it carried.</summary>
public sealed record ChatAction(string Id, string Value)
{
    /// <summary>Show the term with this slug.</summary>
    public static ChatAction ShowTerm(string slug) => new(ActionIds.ShowTerm, slug);
}
