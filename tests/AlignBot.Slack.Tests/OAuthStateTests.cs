namespace AlignBot.Slack.Tests;

public sealed class OAuthStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void State_is_valid_within_ten_minutes_with_the_same_key()
    {
        var state = OAuthState.Create("key", Now);

        Assert.True(OAuthState.IsValid("key", state, Now.AddMinutes(9)));
        Assert.False(OAuthState.IsValid("key", state, Now.AddMinutes(11)));
        Assert.False(OAuthState.IsValid("other", state, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Malformed_state_is_invalid(string? state) => Assert.False(OAuthState.IsValid("key", state, Now));

    [Fact]
    public void Tampered_state_is_invalid()
    {
        var state = OAuthState.Create("key", Now);
        var tampered = (state[0] == 'A' ? 'B' : 'A') + state[1..];

        Assert.False(OAuthState.IsValid("key", tampered, Now));
    }
}
