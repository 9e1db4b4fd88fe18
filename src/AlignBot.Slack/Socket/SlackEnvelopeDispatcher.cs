using System.Text.Json;

namespace AlignBot.Slack.Socket;

/// <summary>
/// Hands a Socket Mode envelope's payload to the same handler the HTTP route for it uses: the transport is the only
/// difference. The connection has already been authenticated (the app token opened it), as a signature check
/// authenticates each HTTP request.
/// </summary>
internal sealed class SlackEnvelopeDispatcher(SlackCommandHandler commands, SlackEventHandler events, SlackInteractionHandler interactions,
    SlackOptionsHandler options)
{
    /// <summary>The acknowledgement for <paramref name="envelope"/>, or null when its type is not one AlignBot handles.</summary>
    public async Task<SlackAck?> DispatchAsync(SlackEnvelope envelope, CancellationToken cancellationToken)
    {
        var source = "socket " + envelope.Type;
        var payload = envelope.Payload;
        return envelope.Type switch
        {
            SlackEnvelope.SlashCommands => await commands.HandleAsync(name => payload.Str(name), source, cancellationToken),
            SlackEnvelope.EventsApi => await events.HandleAsync(payload, envelope.RetryAttempt, source, cancellationToken),
            SlackEnvelope.Interactive when payload.ValueKind == JsonValueKind.Object && payload.Str("type") == "block_suggestion" =>
                options.Handle(payload, source),
            SlackEnvelope.Interactive => await interactions.HandleAsync(payload, source, cancellationToken),
            _ => null,
        };
    }
}
