using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// The term of the day through a store outage and a shutdown, on the whole host with a real SQLite file: posts wait
/// while the store is down (one log line, not one per tick), go out when it is back, and a stop lets the post in
/// flight finish and be recorded.
/// </summary>
public sealed class DailyOutageTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Posts_wait_out_a_store_outage_resume_after_it_and_a_stop_lets_the_post_in_flight_finish()
    {
        var host = await SlackHost.StartAsync(OutageStore.Install, ("Storage:ConnectionString", _database.ConnectionString), ("Daily:PollSeconds", "0.1"));
        var slack = host.Slack;
        var channel = new ChannelKey(Platform.Slack, "T-outage", "C-outage");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        try
        {
            var outage = host.Services.GetRequiredService<OutageStore>();   // starts the host and its scheduler
            outage.Down = true;
            var store = host.Services.GetRequiredService<SqlDatabase>();
            await store.Daily.SaveAsync(new DailySubscription(channel, new DailySchedule(new TimeOnly(0, 0), "UTC", WeekdaysOnly: false), true, "seed", "U1",
                DateTimeOffset.UtcNow));

            for (var i = 0; i < 100 && outage.Failures < 5; i++)
                await Task.Delay(50);
            Assert.True(outage.Failures >= 5, "the scheduler should have kept trying");
            Assert.Empty(slack.Requests);
            Assert.Single(host.Logs.Lines, l => l.Contains("Term-of-the-day posts are waiting"));

            slack.Delay = TimeSpan.FromSeconds(1);   // the post will be in flight when the host stops
            outage.Down = false;
            var post = Assert.Single(await slack.WaitForAsync(1));
            Assert.Equal("/api/chat.postMessage", post.Path);
            Assert.Contains("Term of the day", post.Body);
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.Single(host.Logs.Lines, l => l.Contains("term-of-the-day posts resume"));
        Assert.Single(slack.Requests);
        var after = new SqliteDatabase(_database.ConnectionString);
        Assert.Equal(DailyClaim.AlreadyPosted, await after.Daily.TryClaimAsync(channel, today, "someone-else", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(2)));
    }
}
