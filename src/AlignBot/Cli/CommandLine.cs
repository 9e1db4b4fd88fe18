using System.CommandLine;
using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Evaluation;
using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search.Semantic;
using AlignBot.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Cli;

/// <summary>
/// The command-line verbs on System.CommandLine: <c>ask</c>, <c>search</c>, <c>corpus check</c>, <c>eval</c>, and
/// <c>--corpus &lt;dir&gt;</c> anywhere. No verb runs the web host. The usage text is AlignBot's own, printed for
/// <c>help</c>, <c>--help</c> or <c>-h</c> (exit 0) and for any parse error (exit 2, on the error writer).
/// Exit codes: 0 done, 1 the corpus or the input file is broken, 2 wrong usage.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["ask", "search", "corpus", "eval", "help", "--help", "-h"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var corpus = new Option<string>("--corpus") { Recursive = true, Description = "the corpus folder" };
        string Directory(ParseResult parsed) => CorpusDirectory(parsed.GetValue(corpus));

        var askText = new Argument<string[]>("text") { Arity = ArgumentArity.OneOrMore };
        var ask = new Command("ask", "answer as the bot would") { askText };
        ask.SetAction(parsed => Ask(Directory(parsed), string.Join(' ', parsed.GetValue(askText)!), output));

        var query = new Argument<string[]>("query") { Arity = ArgumentArity.OneOrMore };
        var asJson = new Option<bool>("--json");
        var search = new Command("search", "ranked terms with slug and score") { query, asJson };
        search.SetAction(parsed => Search(Directory(parsed), string.Join(' ', parsed.GetValue(query)!), parsed.GetValue(asJson), output));

        var check = new Command("check", "validate the corpus");
        check.SetAction(parsed => CheckCorpus(Directory(parsed), output, error));
        var corpusVerb = new Command("corpus") { check };

        var files = new Argument<string[]>("file") { Arity = ArgumentArity.OneOrMore };
        var lexical = new Option<bool>("--lexical");
        var eval = new Command("eval", "score search on evaluation files") { files, lexical };
        eval.SetAction(parsed => Eval(Directory(parsed), parsed.GetValue(files)!, semantic: !parsed.GetValue(lexical), output, error));

        var help = new Command("help");
        help.SetAction(_ => Usage(output, asked: true));
        var helpOption = new Option<bool>("--help", "-h");

        var glossary = GlossaryCommands.Create(Directory, output, error, TimeProvider.System);

        var root = new RootCommand("AlignBot: AI-alignment glossary bot.") { ask, search, corpusVerb, eval, glossary, help };
        root.Options.Clear();   // System.CommandLine's own help and version: the usage below is the help
        root.Options.Add(corpus);
        root.Options.Add(helpOption);
        root.SetAction(parsed => Usage(output, asked: parsed.GetValue(helpOption)));

        // No response files: "@name" is text to ask about, not a file to read arguments from.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
            return Task.FromResult(Usage(error, asked: false));
        try
        {
            return Task.FromResult(parsed.Invoke(new InvocationConfiguration
            {
                Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            }));
        }
        catch (CorpusException ex)
        {
            error.WriteLine(ex.Message);
            return Task.FromResult(1);
        }
    }

    private static int Ask(string directory, string text, TextWriter output)
    {
        var glossary = TermGlossary.FromDirectory(directory);
        var reply = new Bot(glossary).AnswerFromGlossary(ChatRequest.Local(text));   // no channel here, so no term-of-the-day store
        output.Write(TextRenderer.Render(reply));
        return 0;
    }

    private static int Search(string directory, string query, bool json, TextWriter output)
    {
        var hits = TermGlossary.FromDirectory(directory).Search(query, Bot.MaxSearchResults);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(hits.Select(h => new { h.Term.Slug, h.Term.Name, Score = Math.Round(h.Score, 4) }), Json));
            return 0;
        }
        if (hits.Count == 0)
            output.WriteLine($"No terms match \"{query}\".");
        for (var i = 0; i < hits.Count; i++)
            output.WriteLine($"{i + 1,2}. {hits[i].Term.Slug,-34} {hits[i].Score,8:F3}  {hits[i].Term.Name}");
        return 0;
    }

    private static int CheckCorpus(string directory, TextWriter output, TextWriter error)
    {
        var corpus = CorpusLoader.Load(directory);
        var problems = corpus.Problems.ToList();
        problems.AddRange(RequiredTerms.Check(directory, corpus.Terms));
        foreach (var problem in problems.OrderByDescending(p => p.Severity).ThenBy(p => p.File, StringComparer.Ordinal))
            (problem.Severity == ProblemSeverity.Error ? error : output).WriteLine(problem);
        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = problems.Count - errors;
        output.WriteLine($"{corpus.Terms.Count} terms in {directory}: {errors} error(s), {warnings} warning(s)");
        return errors == 0 ? 0 : 1;
    }

    private static int Eval(string directory, string[] files, bool semantic, TextWriter output, TextWriter error)
    {
        var sets = new List<(string File, IReadOnlyList<EvalCase> Cases)>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"No such file: {file}");
                return 1;
            }
            try
            {
                sets.Add((file, EvalCase.Parse(File.ReadLines(file))));
            }
            catch (FormatException ex)
            {
                error.WriteLine($"{file}: {ex.Message}");
                return 1;
            }
        }
        var model = semantic
            ? SemanticModel.Shared(new SearchOptions().ResolveDataPath(Environment.CurrentDirectory), NullLogger.Instance)
            : null;
        var glossary = TermGlossary.FromDirectory(directory, model);
        glossary.WhenSemanticReady().GetAwaiter().GetResult();   // scores hybrid search, not whatever was ready first
        var evaluator = new SearchEvaluator(new Bot(glossary), glossary);
        foreach (var (file, cases) in sets)
        {
            if (sets.Count > 1)
                output.WriteLine($"== {file}");
            EvalPrinter.Print(evaluator.Run(cases), output);
        }
        return 0;
    }

    private static int Usage(TextWriter writer, bool asked)
    {
        writer.WriteLine("""
            AlignBot: AI-alignment glossary bot.

            Usage:
              AlignBot                         run the web host (Slack, Teams, playground)
              AlignBot ask "<text>"            answer as the bot would ("define sycophancy", "what is RLHF?")
              AlignBot search "<query>" [--json]  ranked terms with slug and score
              AlignBot corpus check            validate the corpus; exit code 1 on errors
              AlignBot eval [--lexical] <file.tsv>...  score search on message<TAB>expected[<TAB>pattern<TAB>split]
                                               lines (--lexical: without the sentence model)
              AlignBot glossary export --workspace <platform:id> --out <dir> [--category <c>]
                                               a workspace's own terms as corpus Markdown files
              AlignBot glossary import --workspace <platform:id> <file.csv>
                                               term,definition[,aliases] rows as approved workspace terms

            The glossary verbs use the Storage:* settings, or --storage "<SQLite connection string>".

            The corpus folder comes from --corpus <dir>, else Corpus:Path (environment Corpus__Path),
            else the copy next to the program.
            """);
        return asked ? 0 : 2;
    }

    private static string CorpusDirectory(string? path)
    {
        if (path is not null)
            return new CorpusOptions { Path = path }.ResolveDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new CorpusOptions();
        configuration.GetSection(CorpusOptions.Section).Bind(options);
        return options.ResolveDirectory();
    }
}
