namespace AlignBot.Slack;

/// <summary>A Web API call that Slack answered with <c>ok:false</c> (its error code), or that failed for good.</summary>
public sealed class SlackApiException(string method, string error) : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>, <c>invalid_auth</c>, <c>ratelimited</c>.</summary>
    public string Error { get; } = error;

    /// <summary>Errors that mean the token is gone: retrying is pointless, the installation should be removed.</summary>
    public bool TokenRevoked => Error is "invalid_auth" or "token_revoked" or "account_inactive" or "not_authed";

    /// <summary>apps.connections.open refused the app token: revoked, mistyped, or not an app-level token.</summary>
    public bool AppTokenRefused => TokenRevoked || Error == "not_allowed_token_type";
}
