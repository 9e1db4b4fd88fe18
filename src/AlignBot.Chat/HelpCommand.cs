namespace AlignBot.Chat;

/// <summary>One line of the help: how to type a command and what it does.</summary>
public sealed record HelpCommand(string Usage, string Description);
