using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Tests.Living;

/// <summary>The living glossary's words and buttons, understood by <see cref="RequestParser"/>, and the form's rules (<see cref="DraftCheck"/>).</summary>
public sealed class LivingParserTests
{
    private static Intent Parse(string text, params ChatUser[] mentioned) =>
        RequestParser.Parse(ChatRequest.Local(text) with { Mentions = mentioned });

    private static Intent Click(string actionId, string value) =>
        RequestParser.Parse(ChatRequest.Click(Platform.Slack, new ChatAction(actionId, value), new ChatUser("U1"), new ChatPlace("T1", "C1")));

    [Fact]
    public void Commands_are_understood_and_anything_else_stays_a_question()
    {
        Assert.Equal(new Intent.SuggestTerm("blue team drill"), Parse("suggest   blue team drill"));
        Assert.IsType<Intent.ReviewHere>(Parse("Review here"));
        Assert.IsType<Intent.Unanswered>(Parse("unanswered"));
        Assert.Equal(new Intent.Question("review the rlhf paper"), Parse("review the rlhf paper"));
        Assert.Equal(new Intent.Question("unanswered questions in alignment"), Parse("unanswered questions in alignment"));
        Assert.IsType<Intent.Help>(Parse("suggest"));
        Assert.Equal(new Intent.EditTerm("Blue team drill"), Parse("edit Blue team drill"));
        Assert.Equal(new Intent.Question("edit"), Parse("edit"));
        Assert.Equal(new Intent.Question("editing a model's weights"), Parse("editing a model's weights"));
    }

    [Fact]
    public void Curators_commands_take_the_people_mentioned_and_without_any_list()
    {
        var amy = new ChatUser("U0AMY");

        var add = Assert.IsType<Intent.Curators>(Parse("curators add @amy", amy));

        Assert.Equal(CuratorChange.Add, add.Change);
        Assert.Equal([amy], add.People);
        Assert.Equal(CuratorChange.Remove, ((Intent.Curators)Parse("curators remove @amy", amy)).Change);
        Assert.Equal(CuratorChange.List, ((Intent.Curators)Parse("curators add nobody")).Change);
        Assert.Equal(CuratorChange.List, ((Intent.Curators)Parse("curators")).Change);
    }

    [Fact]
    public void Buttons_become_their_intents()
    {
        Assert.Equal(new Intent.SuggestTerm("blue team drill"), Click(ActionIds.Suggest, "blue team drill"));
        Assert.Equal(new Intent.SuggestTerm("what is a foo"), Click(ActionIds.AddDefinition, "what is a foo"));
        Assert.Equal(new Intent.Decide("abc", Approve: true), Click(ActionIds.Approve, "abc"));
        Assert.Equal(new Intent.Decide("abc", Approve: false), Click(ActionIds.Reject, "abc"));
        Assert.Equal(new Intent.EditSuggestion("abc"), Click(ActionIds.Edit, "abc"));
        Assert.Equal(new Intent.EditTerm("blue-team-drill"), Click(ActionIds.EditTerm, "blue-team-drill"));
        Assert.Equal(new Intent.Rate("rlhf", Helpful: true), Click(ActionIds.Helpful, "rlhf"));
        Assert.Equal(new Intent.Rate("rlhf", Helpful: false), Click(ActionIds.NotHelpful, "rlhf"));
    }

    [Theory]
    [InlineData("", "A definition that is comfortably longer than thirty characters.", "", DraftField.Name)]
    [InlineData("?!…", "A definition that is comfortably longer than thirty characters.", "", DraftField.Name)]
    [InlineData("Term", "Too short.", "", DraftField.Definition)]
    [InlineData("Term", "A definition that is comfortably longer than thirty characters.", "http://example.org", DraftField.Source)]
    [InlineData("Term", "A definition that is comfortably longer than thirty characters.", "javascript:alert(1)", DraftField.Source)]
    [InlineData("Term", "A definition that is comfortably longer than thirty characters.", "https://exa mple.org", DraftField.Source)]
    public void Bad_fields_are_errors_by_field(string name, string definition, string source, DraftField field)
    {
        var (draft, errors) = DraftCheck.Check(name, null, definition, source, [], _ => true);

        Assert.Null(draft);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_long_definition_is_an_error_and_a_good_draft_is_cleaned()
    {
        Assert.Contains(DraftField.Definition, DraftCheck.Check("Term", null, new string('x', DraftCheck.MaxDefinition + 1), null, [], _ => true).Errors.Keys);

        var (draft, errors) = DraftCheck.Check("  Blue   team drill ", "BTD, btd; Blue team drill, drill", "  A definition that is comfortably longer than thirty.  ",
            "https://example.org/x", ["rlhf", "ghost", "rlhf"], slug => slug == "rlhf");

        Assert.Empty(errors);
        Assert.Equal(new TermDraft("Blue team drill", ["BTD", "drill"], "A definition that is comfortably longer than thirty.", "https://example.org/x", ["rlhf"]),
            draft! with { Aliases = [.. draft.Aliases], Related = [.. draft.Related] }, new DraftComparer());
        Assert.Equal("blue-team-drill", DraftCheck.Slug("Blue-team drill!"));
    }

    private sealed class DraftComparer : IEqualityComparer<TermDraft>
    {
        public bool Equals(TermDraft? x, TermDraft? y) => x is not null && y is not null && x.Name == y.Name && x.Aliases.SequenceEqual(y.Aliases)
            && x.Definition == y.Definition && x.SourceUrl == y.SourceUrl && x.Related.SequenceEqual(y.Related);

        public int GetHashCode(TermDraft obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
