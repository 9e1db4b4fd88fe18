using AlignBot.Chat;
using AlignBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace AlignBot.Slack;

/// <summary>
/// The Slack route table, Slack's HTTP transport. The signed routes bind no body: <see cref="RawBodyFilter"/> reads the
/// raw bytes (capped), <see cref="SlackSignatureFilter"/> verifies them, the content checks follow, and each route
/// parses the <see cref="RawBody"/> as Slack's HTTP protocol sends it and hands it to the same handler the Socket Mode
/// transport uses; the handler's <see cref="SlackAck"/> becomes the response.
/// </summary>
public static class SlackEndpoints
{
    /// <summary>Every route under <c>/slack</c>, the install pages included, counts as Slack's.</summary>
    public static readonly PlatformMetadata PlatformRoutes = new(ChatMetrics.PlatformName(Platform.Slack), "/slack");

    public static RouteGroupBuilder MapSlackRoutes(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup(PlatformRoutes.PathPrefix).WithMetadata(PlatformRoutes);
        var signed = slack.MapGroup("").RequireRawBody<RouteGroupBuilder, SlackSignatureFilter>(SlackSignatureFilter.BodyPolicy);
        signed.MapPost("/commands", Command).WithMetadata(RawBodyType.Form);
        signed.MapPost("/events", Event).WithMetadata(RawBodyType.Json);
        signed.MapPost("/interactions", Interaction).WithMetadata(RawBodyType.Form);
        signed.MapPost("/options", Options).WithMetadata(RawBodyType.Form);
        slack.MapGet("/install", SlackInstallEndpoints.Install);
        slack.MapGet("/oauth/callback", SlackInstallEndpoints.Callback);
        return slack;
    }

    /// <summary>A slash command's form; <c>ssl_check=1</c>, Slack probing the certificate, is answered 200.</summary>
    private static async Task<IResult> Command(HttpContext http, SlackCommandHandler handler)
    {
        var form = SlackForm.Parse(http.Features.GetRequiredFeature<RawBody>().Bytes);
        if (form["ssl_check"] == "1")
            return TypedResults.Ok();
        return (await handler.HandleAsync(name => form[name], http.Request.Path.Value ?? "", http.RequestAborted)).ToResult(http);
    }

    private static async Task<IResult> Event(HttpContext http, SlackEventHandler handler)
    {
        using var document = Json.TryParse(http.Features.GetRequiredFeature<RawBody>().Bytes);
        var root = document?.RootElement ?? default;
        return (await handler.HandleAsync(root, http.Request.Headers["X-Slack-Retry-Num"], http.Request.Path.Value ?? "", http.RequestAborted)).ToResult(http);
    }

    private static async Task<IResult> Interaction(HttpContext http, SlackInteractionHandler handler)
    {
        using var payload = PayloadField(http);
        return (await handler.HandleAsync(payload?.RootElement ?? default, http.Request.Path.Value ?? "", http.RequestAborted)).ToResult(http);
    }

    private static IResult Options(HttpContext http, SlackOptionsHandler handler)
    {
        using var payload = PayloadField(http);
        return handler.Handle(payload?.RootElement ?? default, http.Request.Path.Value ?? "").ToResult(http);
    }

    /// <summary>The JSON in the form field <c>payload</c>, as Slack posts interactions over HTTP; null when there is none.</summary>
    private static System.Text.Json.JsonDocument? PayloadField(HttpContext http) =>
        SlackForm.Parse(http.Features.GetRequiredFeature<RawBody>().Bytes)["payload"] is { } json ? Json.TryParse(json) : null;
}
