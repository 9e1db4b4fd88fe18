using AlignBot.Glossary.Corpus;

namespace AlignBot.Glossary.Tests;

/// <summary>The optional <c>questions:</c> list: how people ask about a term, read from the file and validated.</summary>
public sealed class QuestionsFieldTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private LoadedCorpus LoadWithQuestions(string questionsYaml)
    {
        _corpus.Term("alpha", "Alpha", ["beta", "gamma"], edit: t => t.Replace("summary: >", questionsYaml + "summary: >"))
            .Term("beta", "Beta", ["alpha", "gamma"]).Term("gamma", "Gamma", ["alpha", "beta"]);
        return CorpusLoader.Load(_corpus.Directory);
    }

    [Fact]
    public void Questions_are_read_in_order()
    {
        var corpus = LoadWithQuestions("questions:\n  - what is alpha exactly\n  - why do people worry about alpha\n");

        Assert.True(corpus.IsValid, string.Join("\n", corpus.Problems));
        Assert.Equal(["what is alpha exactly", "why do people worry about alpha"], corpus.Terms[0].QuestionList);
        Assert.Empty(corpus.Terms[1].QuestionList);
    }

    [Theory]
    [InlineData("questions:\n  - same question\n  - Same Question\n", "listed twice")]
    [InlineData("questions: just one string\n", "list")]
    public void Bad_questions_are_errors_naming_the_field(string yaml, string expected)
    {
        var error = Assert.Single(LoadWithQuestions(yaml).Errors);

        Assert.Equal(("alpha.md", "questions"), (error.File, error.Field));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void More_than_twelve_questions_are_an_error()
    {
        var many = "questions:\n" + string.Concat(Enumerable.Range(1, 13).Select(i => $"  - question number {i}\n"));

        var error = Assert.Single(LoadWithQuestions(many).Errors);

        Assert.Equal("questions", error.Field);
        Assert.Contains("at most 12", error.Message);
    }

    [Fact]
    public void A_question_over_150_characters_is_an_error()
    {
        var error = Assert.Single(LoadWithQuestions($"questions:\n  - {new string('q', 151)}\n").Errors);

        Assert.Equal("questions", error.Field);
        Assert.Contains("at most 150", error.Message);
    }
}
