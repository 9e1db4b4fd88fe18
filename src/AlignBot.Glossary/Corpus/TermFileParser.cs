using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlignBot.Glossary.Corpus;

/// <summary>
/// Parses one term file: YAML front matter between <c>---</c> lines, then a Markdown body. Checks the rules
/// that concern the file alone and reports each problem with the field it is about; the rules that span
/// files (related slugs, alias clashes) are <see cref="CorpusValidator"/>'s.
/// </summary>
/// <remarks>
/// The front matter is read through YamlDotNet's representation model rather than a deserializer: anchors and
/// aliases stay references to one node (no expansion, so an alias bomb costs nothing), unknown keys and wrong
/// shapes become problems with a field name instead of an exception, and nothing is instantiated by tag.
/// </remarks>
internal static partial class TermFileParser
{
    public const int MaxFileBytes = 64 * 1024;
    public const int MaxSummaryLength = 280;
    public const int MinBodyWords = 80;
    public const int MaxBodyWords = 300;
    private const int MaxScalarLength = 2_000;

    private static readonly HashSet<string> KnownKeys =
        ["term", "aliases", "acronyms", "category", "related", "sources", "summary", "reviewed", "checked", "senses", "questions"];

    public const int MaxSenses = 4;
    public const int MaxQuestions = 12;
    public const int MaxQuestionLength = 150;

    /// <summary>The one date format the front matter accepts: <c>reviewed: 2026-11-30</c>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^\s{0,3}#{1,2}\s", RegexOptions.Multiline)]
    private static partial Regex HighHeading();

    public static Term? Parse(string fileName, string text, List<CorpusProblem> problems)
    {
        var slug = Path.GetFileNameWithoutExtension(fileName);
        var before = problems.Count;   // this file's problems start here
        void Error(string field, string message) => problems.Add(new(fileName, field, message, ProblemSeverity.Error));
        void Warn(string field, string message) => problems.Add(new(fileName, field, message, ProblemSeverity.Warning));

        if (!SlugPattern().IsMatch(slug))
            Error("slug", $"file name '{slug}' is not a slug: use lower-case ASCII letters, digits and single hyphens");

        if (!TrySplit(text, out var yaml, out var body))
        {
            Error("front matter", "the file must start with a '---' line and close the front matter with another '---' line");
            return null;
        }

        YamlMappingNode? map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            map = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
        }
        catch (YamlException ex)
        {
            Error("front matter", $"not valid YAML at line {ex.Start.Line + 1}, column {ex.Start.Column}: {ex.Message}");
            return null;
        }

        if (map is null)
        {
            Error("front matter", "expected a mapping of keys such as term, category and summary");
            return null;
        }

        var reader = new FieldReader(map, Error);
        foreach (var key in reader.Keys.Where(k => !KnownKeys.Contains(k)))
            Error(key, $"unknown key; expected one of {string.Join(", ", KnownKeys)}");

        var name = reader.Scalar("term", required: true);
        var category = reader.Scalar("category", required: true);
        var summary = reader.Scalar("summary", required: true);
        var aliases = reader.List("aliases");
        var acronyms = reader.List("acronyms");
        var related = reader.List("related");
        var sources = reader.Sources("sources");
        var reviewed = reader.Date("reviewed");
        var checkedOn = reader.Date("checked");
        var senses = reader.Senses("senses");
        var questions = reader.List("questions");

        if (category.Length > 0 && !Categories.IsKnown(category))
            Error("category", $"'{category}' is not a category; use one of {string.Join(", ", Categories.All)}");
        if (summary.Length > MaxSummaryLength)
            Error("summary", $"{summary.Length} characters; at most {MaxSummaryLength}");
        if (related.Contains(slug, StringComparer.Ordinal))
            Error("related", "a term must not list itself");
        if (related.Count is < 2 or > 6)
            Error("related", $"{related.Count} related terms; give 2 to 6");
        foreach (var dup in related.GroupBy(r => r).Where(g => g.Count() > 1))
            Error("related", $"'{dup.Key}' is listed twice");
        if (sources.Count == 0 && !problems.Skip(before).Any(p => p.Field == "sources"))
            Error("sources", "at least one source (title and url) is required");
        if (senses.Count is 1 or > MaxSenses)
            Error("senses", $"{senses.Count} senses; give 2 to {MaxSenses}, or none");
        foreach (var dup in senses.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            Error("senses", $"'{dup.Key}' is listed twice");
        if (questions.Count > MaxQuestions)
            Error("questions", $"{questions.Count} questions; give at most {MaxQuestions}");
        foreach (var question in questions.Where(q => q.Length > MaxQuestionLength))
            Error("questions", $"'{question[..40]}…' is {question.Length} characters; at most {MaxQuestionLength}");
        foreach (var dup in questions.GroupBy(q => q, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            Error("questions", $"'{dup.Key}' is listed twice");
        if (reviewed is null && !problems.Skip(before).Any(p => p.Field == "reviewed"))
            Warn("reviewed", $"no review date; add reviewed: {DateFormat}");

        var bodyText = body.Trim();
        if (bodyText.Length == 0)
            Error("body", "the body is empty");
        else
        {
            var words = bodyText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is < MinBodyWords or > MaxBodyWords)
                Warn("body", $"{words} words; aim for {MinBodyWords} to {MaxBodyWords}");
            if (HighHeading().IsMatch(bodyText))
                Warn("body", "use headings of level 3 or below");
        }

        // Returned even with field errors, so the cross-file rules still see this file and every problem is
        // reported in one pass; a corpus with any error is never served (LoadedCorpus.EnsureValid).
        return new Term(slug, name, aliases, acronyms, category, related, sources, summary, bodyText, reviewed, checkedOn,
            senses.Count == 0 ? null : senses, questions.Count == 0 ? null : questions);
    }

    /// <summary>Splits "---\n yaml \n---\n body". Accepts CRLF and a closing "..." as YAML allows.</summary>
    private static bool TrySplit(string text, out string yaml, out string body)
    {
        yaml = body = "";
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
            return false;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is "---" or "...")
            {
                yaml = string.Join('\n', lines[1..i]);
                body = string.Join('\n', lines[(i + 1)..]);
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads typed values out of the front-matter mapping, reporting wrong shapes per field.</summary>
    private sealed class FieldReader(YamlMappingNode map, Action<string, string> error)
    {
        public IEnumerable<string> Keys =>
            map.Children.Keys.Select(k => k is YamlScalarNode s ? s.Value ?? "" : "(non-scalar key)");

        public YamlNode? Node(string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public string Scalar(string key, bool required)
        {
            var node = Node(key);
            if (node is null || node is YamlScalarNode { Value: null or "" })
            {
                if (required) error(key, "is required");
                return "";
            }
            if (node is not YamlScalarNode scalar)
            {
                error(key, "must be a single text value");
                return "";
            }
            var value = Normalize(scalar.Value!);
            if (value.Length > MaxScalarLength)
            {
                error(key, $"is {value.Length} characters long; at most {MaxScalarLength}");
                return "";
            }
            return value;
        }

        /// <summary>An optional date in the one accepted format; anything else is an error naming the field.</summary>
        public DateOnly? Date(string key)
        {
            var text = Scalar(key, required: false);
            if (text.Length == 0)
                return null;
            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            error(key, $"'{text}' is not a date; write it as {DateFormat}, e.g. 2026-11-30");
            return null;
        }

        public List<string> List(string key)
        {
            switch (Node(key))
            {
                case null:
                case YamlScalarNode { Value: null or "" }:
                    return [];
                case YamlSequenceNode seq:
                    var items = new List<string>();
                    foreach (var child in seq.Children)
                    {
                        if (child is YamlScalarNode { Value: { Length: > 0 and <= MaxScalarLength } v })
                            items.Add(Normalize(v));
                        else
                            error(key, "every item must be a short text value");
                    }
                    return items;
                default:
                    error(key, "must be a list, e.g. [a, b]");
                    return [];
            }
        }

        public List<TermSource> Sources(string key) => SourcesOf(key, Node(key));

        /// <summary>
        /// Senses: a list of {name, summary, sources} mappings. Each needs a name, a summary within the summary limit
        /// and at least one source; problems are reported on the "senses" field with the sense's name.
        /// </summary>
        public List<TermSense> Senses(string key)
        {
            switch (Node(key))
            {
                case null:
                    return [];
                case YamlSequenceNode seq:
                    var senses = new List<TermSense>();
                    foreach (var child in seq.Children)
                    {
                        if (child is not YamlMappingNode entry)
                        {
                            error(key, "every sense needs a name, a summary and sources");
                            continue;
                        }
                        var sense = new FieldReader(entry, (_, message) => error(key, message));
                        foreach (var unknown in sense.Keys.Where(k => k is not ("name" or "summary" or "sources")))
                            error(key, $"unknown key '{unknown}' in a sense; expected name, summary, sources");
                        var name = sense.Scalar("name", required: false);
                        var label = name.Length > 0 ? $"sense '{name}'" : "a sense";
                        var summary = sense.Scalar("summary", required: false);
                        var sources = sense.SourcesOf(key, sense.Node("sources"));
                        if (name.Length == 0)
                            error(key, "a sense has no name");
                        if (summary.Length == 0)
                            error(key, $"{label} has no summary");
                        else if (summary.Length > MaxSummaryLength)
                            error(key, $"{label}: summary of {summary.Length} characters; at most {MaxSummaryLength}");
                        if (sources.Count == 0)
                            error(key, $"{label} needs at least one source (title and url)");
                        if (name.Length > 0 && summary.Length is > 0 and <= MaxSummaryLength && sources.Count > 0)
                            senses.Add(new TermSense(name, summary, sources));
                    }
                    return senses;
                default:
                    error(key, "must be a list of {name, summary, sources} entries");
                    return [];
            }
        }

        private List<TermSource> SourcesOf(string key, YamlNode? node)
        {
            if (node is null)
                return [];
            if (node is not YamlSequenceNode seq)
            {
                error(key, "must be a list of {title, url} entries");
                return [];
            }
            var sources = new List<TermSource>();
            foreach (var child in seq.Children)
            {
                if (child is not YamlMappingNode entry)
                {
                    error(key, "every source needs a title and a url");
                    continue;
                }
                string Get(string k) =>
                    entry.Children.TryGetValue(new YamlScalarNode(k), out var v) && v is YamlScalarNode { Value: { } s }
                        ? Normalize(s) : "";
                var (title, url) = (Get("title"), Get("url"));
                if (title.Length == 0)
                    error(key, "a source has no title");
                else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    error(key, $"source '{title}' needs an absolute http(s) url");
                else
                    sources.Add(new TermSource(title, url));
            }
            return sources;
        }

        private static string Normalize(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
