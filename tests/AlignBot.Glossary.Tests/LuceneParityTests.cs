using AlignBot.Glossary.Search;
using Lucene.Net.Search;
using LuceneTerm = Lucene.Net.Index.Term;

namespace AlignBot.Glossary.Tests;

/// <summary>
/// Ranked search scores its word clauses from postings read out of the Lucene index (<c>FieldPostings</c>) instead of
/// running a Lucene query: for every message of the development sets it must rank the same terms in the same order as
/// Lucene's own BM25 query over the same index, with the same scores up to float rounding.
/// </summary>
public sealed class LuceneParityTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    /// <summary>The query ranked search ran in Lucene before its word clauses were scored from the postings.</summary>
    private static BooleanQuery LuceneQuery(IReadOnlyList<string> stems, IReadOnlyDictionary<string, float> rarity, GlossaryIndex index)
    {
        var query = new BooleanQuery();
        foreach (var (stem, weight) in rarity)
        {
            var perField = new DisjunctionMaxQuery(0.1f) { Boost = weight };
            foreach (var (field, boost) in GlossaryIndex.SearchedFields)
                perField.Add(new TermQuery(new LuceneTerm(field, stem)) { Boost = boost });
            query.Add(perField, Occur.SHOULD);
        }
        if (stems.Count is > 1 and <= 5)
        {
            foreach (var (field, boost) in GlossaryIndex.SearchedFields.Take(2))
            {
                var phrase = new PhraseQuery { Slop = 1, Boost = boost };
                foreach (var stem in stems)
                    phrase.Add(new LuceneTerm(field, stem));
                query.Add(phrase, Occur.SHOULD);
            }
        }
        return query;
    }

    private static IEnumerable<string> Messages() =>
        new[] { RepoPaths.DevSet, RepoPaths.SearchCases, RepoPaths.ChatCases }
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(columns => columns is not [_, _, _, "holdout", ..])
            .Select(columns => columns[0]);

    [Fact]
    public void Every_development_message_ranks_as_lucene_ranks_it()
    {
        var index = GlossaryIndex.Build(real.Glossary.Terms);
        var compared = 0;
        foreach (var message in Messages())
        {
            var stems = GlossaryIndex.Stems(QuestionText.Subject(message));
            // Every stem some term uses, the common ones too, weighted differently by position, so that many terms and
            // fields score and the clause boosts vary.
            var rarity = stems.Distinct().Where(s => index.DocFreq(s) > 0)
                .Select((s, i) => (s, Weight: 1f / (1 + i % 3 + index.DocFreq(s) / 10f)))
                .ToDictionary(p => p.s, p => p.Weight, StringComparer.Ordinal);
            if (rarity.Count == 0)
                continue;

            var ours = index.Search(stems, rarity, 10);
            var lucene = index.Searcher.Search(LuceneQuery(stems, rarity, index), 10).ScoreDocs;

            Assert.Equal(lucene.Select(d => real.Glossary.Terms[d.Doc].Slug), ours.Select(h => h.Term.Slug));
            for (var i = 0; i < lucene.Length; i++)
                Assert.True(Math.Abs(lucene[i].Score - ours[i].Score) <= 1e-5f * lucene[i].Score, $"\"{message}\": {ours[i].Term.Slug} scored {ours[i].Score}, Lucene {lucene[i].Score}");
            compared++;
        }
        Assert.True(compared > 500, $"only {compared} messages compared");
    }
}
