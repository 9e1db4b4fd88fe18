using AlignBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AlignBot.Slack;

/// <summary>
/// The Slack route table. The signed routes bind no body: <see cref="RawBodyFilter"/> reads the raw bytes (capped),
/// <see cref="SlackSignatureFilter"/> verifies them, the content checks follow, and each handler, its own endpoint
/// class, parses the <see cref="RawBody"/>.
/// </summary>
public static class SlackEndpoints
{
    /// <summary>Every route under <c>/slack</c>, the install pages included, counts as Slack's.</summary>
    public static readonly PlatformMetadata PlatformRoutes = new("slack", "/slack");

    public static RouteGroupBuilder MapSlackRoutes(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup(PlatformRoutes.PathPrefix).WithMetadata(PlatformRoutes);
        var signed = slack.MapGroup("").RequireRawBody<RouteGroupBuilder, SlackSignatureFilter>(SlackSignatureFilter.BodyPolicy);
        signed.MapPost("/commands", SlackCommandsEndpoint.Handle).WithMetadata(RawBodyType.Form);
        signed.MapPost("/events", SlackEventsEndpoint.Handle).WithMetadata(RawBodyType.Json);
        signed.MapPost("/interactions", SlackInteractionsEndpoint.Handle).WithMetadata(RawBodyType.Form);
        signed.MapPost("/options", SlackOptionsEndpoint.Handle).WithMetadata(RawBodyType.Form);
        slack.MapGet("/install", SlackInstallEndpoints.Install);
        slack.MapGet("/oauth/callback", SlackInstallEndpoints.Callback);
        return slack;
    }
}
