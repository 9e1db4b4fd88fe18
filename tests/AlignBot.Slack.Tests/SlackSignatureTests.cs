using System.Text;
using System.Text.Json;

namespace AlignBot.Slack.Tests;

public sealed class SlackSignatureTests
{
    private static readonly JsonElement Vector = JsonDocument.Parse(Fixtures.Text("slack/signing_vector.json")).RootElement;
    private static readonly string Secret = Vector.GetProperty("signing_secret").GetString()!;
    private static readonly string Timestamp = Vector.GetProperty("x_slack_request_timestamp").GetString()!;
    private static readonly string Expected = Vector.GetProperty("expected_x_slack_signature").GetString()!;
    private static readonly byte[] Body = Fixtures.Bytes("slack/slash_command.txt");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp));
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void Check_slacks_published_example_is_valid()
    {
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, Body));
        Assert.Equal(SignatureVerdict.Valid, SlackSignature.Check(Secret, Timestamp, Expected, Body, SignedAt.AddSeconds(30), Window));
    }

    [Fact]
    public void Check_tampered_body_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("text=", "text=define%20rlhf"));

        Assert.Equal(SignatureVerdict.BadSignature, SlackSignature.Check(Secret, Timestamp, Expected, tampered, SignedAt, Window));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86_400)]
    public void Check_timestamp_outside_five_minutes_either_way_is_refused(int offsetSeconds) =>
        Assert.Equal(SignatureVerdict.OutsideReplayWindow,
            SlackSignature.Check(Secret, Timestamp, Expected, Body, SignedAt.AddSeconds(offsetSeconds), Window));

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("1531420618", null)]
    [InlineData("", "")]
    public void Check_missing_header_is_refused(string? timestamp, string? signature) =>
        Assert.Equal(SignatureVerdict.MissingHeaders, SlackSignature.Check(Secret, timestamp, signature, Body, SignedAt, Window));

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57")]
    public void Check_malformed_signature_is_refused(string signature) =>
        Assert.Equal(SignatureVerdict.MalformedSignature, SlackSignature.Check(Secret, Timestamp, signature, Body, SignedAt, Window));

    [Fact]
    public void Check_wrong_secret_is_refused() =>
        Assert.Equal(SignatureVerdict.BadSignature, SlackSignature.Check(Secret + "x", Timestamp, Expected, Body, SignedAt, Window));

    [Fact]
    public void Check_without_a_secret_fails_closed() =>
        Assert.Equal(SignatureVerdict.NoSigningSecret, SlackSignature.Check("", Timestamp, Expected, Body, SignedAt, Window));

    [Theory]
    [InlineData("15314x0618")]
    [InlineData("-1531420618")]
    [InlineData("99999999999999999999")]
    public void Check_malformed_timestamp_is_refused(string timestamp) =>
        Assert.Equal(SignatureVerdict.MalformedTimestamp, SlackSignature.Check(Secret, timestamp, Expected, Body, SignedAt, Window));
}
