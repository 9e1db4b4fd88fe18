namespace AlignBot.Web;

/// <summary>How an HTTP request to a chat endpoint ended, as the word metrics tag it with.</summary>
public static class HttpOutcome
{
    /// <summary>The <c>outcome</c> tag for an HTTP status code.</summary>
    public static string Of(int status) => status switch
    {
        < 400 => "ok",
        401 or 403 => "refused",
        404 => "not_found",
        413 => "too_large",
        429 => "rate_limited",
        503 => "retry_later",
        < 500 => "bad_request",
        _ => "error",
    };
}
