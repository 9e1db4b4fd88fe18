namespace AlignBot.Glossary;

/// <summary>A paper, standard or organisation page that an entry's facts come from.</summary>
public sealed record TermSource(string Title, string Url);
