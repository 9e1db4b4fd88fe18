using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AlignBot.Slack;

/// <summary>
/// The Slack route table. The signed routes bind no body: <see cref="SlackSignatureFilter"/> reads and verifies the raw
/// bytes first and hands them over as <see cref="VerifiedBody"/>; each handler is its own endpoint class.
/// </summary>
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlackRoutes(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack");
        var signed = slack.MapGroup("").AddEndpointFilter<SlackSignatureFilter>();
        signed.MapPost("/commands", SlackCommandsEndpoint.Handle).WithMetadata(SlackBodyType.Form);
        signed.MapPost("/events", SlackEventsEndpoint.Handle).WithMetadata(SlackBodyType.Json);
        signed.MapPost("/interactions", SlackInteractionsEndpoint.Handle).WithMetadata(SlackBodyType.Form);
        signed.MapPost("/options", SlackOptionsEndpoint.Handle).WithMetadata(SlackBodyType.Form);
        slack.MapGet("/install", SlackInstallEndpoints.Install);
        slack.MapGet("/oauth/callback", SlackInstallEndpoints.Callback);
        return slack;
    }
}
