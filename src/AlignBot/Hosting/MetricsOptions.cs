namespace AlignBot.Hosting;

/// <summary>
/// Section <c>Metrics</c>, as far as it is checked at start-up: <c>Metrics:OtlpEndpoint</c> is empty or an absolute URL.
/// (<see cref="TelemetryHosting"/> reads the section as it registers the exporters.)
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public string OtlpEndpoint { get; set; } = "";
}
