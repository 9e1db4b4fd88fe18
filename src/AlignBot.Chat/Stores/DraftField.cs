namespace AlignBot.Chat.Stores;

/// <summary>The fields of the suggestion form, as errors name them; each platform maps them to its own input ids.</summary>
public enum DraftField
{
    Name,
    Aliases,
    Definition,
    Source,
    Related,
}
