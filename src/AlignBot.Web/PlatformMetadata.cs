namespace AlignBot.Web;

/// <summary>
/// Endpoint metadata: which chat platform an endpoint serves, by the name its metrics carry ("slack", "teams",
/// "playground"), and the path under which that platform's routes live. Request metrics read it from the matched
/// endpoint; <see cref="PathPrefix"/> answers only for a request that matched none of them (a 404 under the prefix).
/// </summary>
public sealed record PlatformMetadata(string Platform, string PathPrefix);
