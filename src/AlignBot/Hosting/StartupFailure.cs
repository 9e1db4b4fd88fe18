using AlignBot.Chat.Stores;
using AlignBot.Glossary.Corpus;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>
/// Why the host will not start, as the one log line it ends with and its exit code: 2 for a setting that is wrong
/// (the line names the key), 3 for a store that cannot be reached. Neither line carries a stack trace or a secret;
/// anything else is a bug and escapes as one.
/// </summary>
internal sealed record StartupFailure(string Reason, int ExitCode)
{
    public const int ConfigurationExitCode = 2;

    public const int StoreUnavailableExitCode = 3;

    public static StartupFailure? Of(Exception exception) => exception switch
    {
        OptionsValidationException invalid => Configuration(invalid.Failures),
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            Configuration(all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)),
        CorpusException broken => Configuration(
            [$"{CorpusOptions.Section}:Path: the corpus in {broken.Corpus.Directory} has errors: {string.Join("; ", broken.Corpus.Errors)}"]),
        // Kestrel binding the configured addresses, in its own words: "Failed to bind to address http://…: address
        // already in use." or "Invalid url: '…'".
        IOException bind => Configuration([$"Urls: {bind.Message}"]),
        FormatException address => Configuration([$"Urls: {address.Message}"]),
        StoreUnavailableException store => new(
            $"The store is unavailable at start-up: {store.InnerException?.Message ?? store.Message} Check Storage:Provider and Storage:ConnectionString.",
            StoreUnavailableExitCode),
        _ => null,
    };

    private static StartupFailure Configuration(IEnumerable<string> failures) =>
        new($"Invalid configuration: {string.Join(" ", failures.Select(f => f.TrimEnd('.') + "."))}", ConfigurationExitCode);
}
