namespace AlignBot.Chat.Stores;

/// <summary>Why a workspace term got a new revision.</summary>
public enum TermChange
{
    /// <summary>A curator approved a suggestion, as suggested or edited.</summary>
    Approved,

    /// <summary>A curator changed an approved term.</summary>
    Edited,

    /// <summary>Loaded by <c>glossary import</c>.</summary>
    Imported,

    /// <summary>A curator removed it; the revision keeps what it said last.</summary>
    Deleted,
}
