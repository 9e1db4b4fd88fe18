using System.Net;
using System.Text;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// A curator's edit of a workspace term reaches every replica through the workspace's glossary version: two whole hosts on
/// one PostgreSQL ($ALIGNBOT_TEST_POSTGRES); the edit is made on one, and the other answers with the new text after its
/// next version poll (the refresher's tick, run here directly).
/// </summary>
public sealed class WorkspaceTermReplicaTests(MachineRequirements machine) : IClassFixture<MachineRequirements>
{
    private const string Curator = "U0CURATOR1";
    private const string Before = "Our quarterly exercise where the safety team tries to break the release pipeline.";
    private const string After = "The exercise each quarter in which the safety team attacks our release pipeline on purpose.";

    [SkippableFact]
    public async Task An_edit_on_one_replica_answers_on_another_after_its_version_poll()
    {
        await using var replicas = await PostgresReplicas.CreateAsync(machine, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), 2,
            ("Slack:Curators:0", Curator));
        var clock = replicas.Clock;
        var team = "T-" + replicas.Run;
        var workspace = new WorkspaceKey(Platform.Slack, team);
        var draft = new TermDraft("Blue team drill", ["BTD"], Before, null, []);
        await replicas.SeedAsync(store => store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(workspace, "blue-team-drill", draft, "U0SUGGEST1", Curator, clock.GetUtcNow()),
            TermChange.Approved, Curator, clock.GetUtcNow()));
        var (editing, other) = (replicas.Hosts[0], replicas.Hosts[1]);
        using var editor = editing.CreateSlackClient(clock.GetUtcNow);
        using var asker = other.CreateSlackClient(clock.GetUtcNow);
        Assert.Contains(Before, await DefineAsync(asker, team));   // the other replica has the workspace loaded, at the old version

        var submitted = await editor.PostAsync("/slack/interactions", SlackModalSubmission.Body(SlackModalSubmission.Of(Curator, team, "Blue team drill", After, metadata: "\n\nblue-team-drill")));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await editing.DrainWorkAsync();
        Assert.Contains(After, await DefineAsync(editor, team));
        Assert.Contains(Before, await DefineAsync(asker, team));   // not yet polled

        Assert.Equal(1, await other.Services.GetRequiredService<WorkspaceGlossaries>().RefreshAsync());

        var answer = await DefineAsync(asker, team);
        Assert.Contains(After, answer);
        Assert.DoesNotContain(Before, answer);
    }

    private static async Task<string> DefineAsync(HttpClient client, string team) =>
        await (await client.PostAsync("/slack/commands", new StringContent(
            $"team_id={team}&channel_id=C05RSRCH01&user_id=U0SOMEONE1&command=%2Falign&text={Uri.EscapeDataString("define blue team drill")}",
            Encoding.UTF8, "application/x-www-form-urlencoded"))).Content.ReadAsStringAsync();
}
