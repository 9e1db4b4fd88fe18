using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace AlignBot.Playground;

/// <summary>
/// An HTML page as a response: UTF-8, a weak ETag from its bytes with <c>Cache-Control: no-cache</c>, so a browser
/// revalidates every time and gets 304 Not Modified while the page (or the corpus behind it) is unchanged.
/// </summary>
internal sealed class HtmlResult(string html, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Task ExecuteAsync(HttpContext http)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body), 0, 12)}\"", isWeak: true);
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (statusCode == StatusCodes.Status200OK && http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body).AsTask();
    }
}
