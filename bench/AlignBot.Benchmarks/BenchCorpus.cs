using AlignBot.Glossary;

namespace AlignBot.Benchmarks;

/// <summary>The real corpus, found from the working directory upwards, and a generated corpus of any size.</summary>
internal static class BenchCorpus
{
    public static string RealDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var terms = Path.Combine(dir.FullName, "corpus", "terms");
            if (File.Exists(Path.Combine(dir.FullName, "AlignBot.sln")) && Directory.Exists(terms))
                return terms;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the AlignBot checkout.");
    }

    /// <summary>
    /// <paramref name="count"/> terms with made-up two- or three-word names, a 30-word summary and a 100-word body
    /// drawn from an 8,000-word vocabulary with a Zipf-like skew, plus the words of the real corpus so real
    /// queries still have matches. Deterministic for a given count.
    /// </summary>
    public static IReadOnlyList<Term> Generated(int count, IReadOnlyList<Term> real)
    {
        var random = new Random(20261124);
        var vocabulary = Enumerable.Range(0, 8_000).Select(_ => Word(random)).Distinct().ToArray();
        string Pick() => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))];
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick()));

        var terms = new List<Term>(count + real.Count);
        terms.AddRange(real);
        var names = new HashSet<string>(real.Select(t => t.Name), StringComparer.OrdinalIgnoreCase);
        while (terms.Count < count)
        {
            var name = Text(random.Next(2, 4));
            if (!names.Add(name))
                continue;
            var slug = "gen-" + terms.Count;
            terms.Add(new Term(slug, name, [], [], "theory", ["sycophancy", "rlhf"], [new("Generated", "https://example.org/" + slug)],
                Text(30), Text(100)));
        }
        return terms;
    }

    private static string Word(Random random)
    {
        const string consonants = "bcdfghklmnprstvz", vowels = "aeiou";
        var length = random.Next(2, 5);
        var chars = new char[length * 2];
        for (var i = 0; i < length; i++)
        {
            chars[2 * i] = consonants[random.Next(consonants.Length)];
            chars[2 * i + 1] = vowels[random.Next(vowels.Length)];
        }
        return new string(chars);
    }
}
