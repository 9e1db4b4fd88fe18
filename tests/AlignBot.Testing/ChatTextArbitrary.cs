using FsCheck;
using FsCheck.Fluent;

namespace AlignBot.Testing;

/// <summary>
/// Text shaped like chat for property tests: arbitrary strings, and sentences made of question words, glossary
/// words, Slack and Teams markup, Markdown, lone surrogates, control characters and emoji.
/// </summary>
public static class ChatTextArbitrary
{
    public static Arbitrary<string> ChatText() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get),
            Gen.Elements("what is", "define", "search", "related", "daily on", "vs", "difference between", "and", "RLHF", "R.L.H.F.",
                    "sycophancy", "reward hacking", "<!channel>", "<@U123>", "<at>AlignBot</at>", "[x](http://e.x)", "**", "?", "🙂", "\u0000", "\uD800", "é")
                .ListOf().Select(words => string.Join(' ', words)))
        .ToArbitrary();
}
