namespace AlignBot.Chat.Home;

/// <summary>One category of the glossary on a <see cref="HomePage"/>: its slug, its label and its terms.</summary>
public sealed record HomeCategory(string Slug, string Label, IReadOnlyList<TermRef> Terms);
