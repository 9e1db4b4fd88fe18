using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AlignBot.Chat;

/// <summary>
/// AlignBot's own instruments on the meter <see cref="MeterName"/>, exported through OpenTelemetry by the host:
/// <list type="bullet">
/// <item><c>alignbot.requests</c>: HTTP requests to the Slack routes (install pages included), Teams' and the
/// playground's, and Slack Socket Mode envelopes (each with the outcome its HTTP counterpart would have), by
/// <c>platform</c> (slack, teams, playground) and <c>outcome</c>
/// (ok, refused, bad_request, not_found, too_large, rate_limited, retry_later, error);</item>
/// <item><c>alignbot.replies</c>: replies by <c>platform</c> and <c>kind</c> (term, comparison, results, related,
/// not_found, notice, help);</item>
/// <item><c>alignbot.search.duration</c>: seconds spent answering from the glossary (understanding, lookup, search);</item>
/// <item><c>alignbot.search.misses</c>: questions with no definition, by <c>platform</c>.</item>
/// </list>
/// Recording costs a few tens of nanoseconds with a listener and next to nothing without one.
/// </summary>
public sealed class ChatMetrics
{
    public const string MeterName = "AlignBot";

    /// <summary>The name of the requests counter.</summary>
    public const string Requests = "alignbot.requests";

    /// <summary>Bucket bounds for <c>alignbot.search.duration</c>: answers take microseconds, not the default's seconds.</summary>
    public static readonly double[] SearchBuckets = [0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.1];

    private readonly Counter<long> _requests;
    private readonly Counter<long> _replies;
    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _misses;

    public ChatMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>(Requests, "{request}", "Chat requests received, by platform and HTTP outcome.");
        _replies = meter.CreateCounter<long>("alignbot.replies", "{reply}", "Replies given, by platform and kind.");
        _searchDuration = meter.CreateHistogram("alignbot.search.duration", "s", "Time spent answering a question from the glossary.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SearchBuckets });
        _misses = meter.CreateCounter<long>("alignbot.search.misses", "{question}", "Questions the glossary had no definition for.");
    }

    /// <summary>One HTTP request to a chat endpoint, or one Socket Mode envelope, and how it ended (an outcome word, see <c>HttpOutcome</c> in the web adapters).</summary>
    public void Request(string platform, string outcome) =>
        _requests.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A reply given; a "not found" also counts as a miss.</summary>
    public void Replied(Platform platform, Reply reply)
    {
        var name = PlatformName(platform);
        _replies.Add(1, new KeyValuePair<string, object?>("platform", name), new KeyValuePair<string, object?>("kind", Kind(reply)));
        if (reply is Reply.NotFound)
            _misses.Add(1, new KeyValuePair<string, object?>("platform", name));
    }

    /// <summary>Time spent answering from the glossary since <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Searched(long startTimestamp) => _searchDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);

    public static string PlatformName(Platform platform) => platform switch
    {
        Platform.Slack => "slack",
        Platform.Teams => "teams",
        Platform.Playground => "playground",
        _ => "cli",
    };

    private static string Kind(Reply reply) => reply switch
    {
        Reply.TermCard => "term",
        Reply.Comparison => "comparison",
        Reply.SearchResults => "results",
        Reply.RelatedTerms => "related",
        Reply.NotFound => "not_found",
        Reply.Notice => "notice",
        Reply.Help => "help",
        Reply.Greeting => "greeting",
        _ => "other",
    };
}
