using System.Text.RegularExpressions;

namespace AlignBot.Chat;

/// <summary>
/// Recognises a message that is only small talk: hellos, thanks, "who are you", "who made you", "what can you do",
/// "how do I use this", also addressed to the bot by name ("hey alignbot"). Such a message gets a friendly reply saying what to ask, never a definition or "no
/// definition found". Works on <see cref="ChatText.Normalize"/>d text, and only on the whole message: "hi, what is
/// rlhf" is a question.
/// </summary>
public static partial class SmallTalk
{
    [GeneratedRegex(@"^(?:(?:hi|hey|hello|hiya|howdy|yo|sup|greetings|good (?:morning|afternoon|evening|day)|morning|gm"
        + @"|who are you|what are you|who (?:made|built|created|wrote) you|what (?:can|do) you do|what do you know|are you (?:a bot|there|alive)"
        + @"|how (?:do|can|should) (?:i|we) use (?:you|this|this thing|this bot|it)|what (?:kind of |sort of )?(?:questions|things) (?:can|should) (?:i|we) ask(?: you)?"
        + @"|there|everyone|all|folks|team|bot|align\s?bot|again|so much|a lot|a bunch|mate|buddy|you|ok|okay|cool|nice|great|awesome|perfect)(?:[\s,.!?']+|$))+$",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Greeting();

    // Thanks as people type it: "ty, that helped a ton", "ok that makes sense, thanks", "super helpful". (The filler
    // "thx" and "ty" are gone by now: ChatText removes them, which may leave a leading comma.)
    [GeneratedRegex(@"^[\s,.!?']*(?:(?:thanks|thank you|thank u|many thanks|thx|ty|tysm|tyvm|cheers|much appreciated|appreciate it|great|awesome|perfect|nice|cool|ok|okay"
        + @"|so much|a lot|a bunch|a ton|again|bot|align\s?bot|mate|buddy|got it|good to know|(?:that |it )?makes sense"
        + @"|that (?:helps|helped|was|is)|(?:really |very |super |so )?(?:helpful|useful|clear)|exactly what i needed)(?:[\s,.!?']+|$))+$",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Thanks();

    /// <summary>What kind of small talk the normalized message is, or null when it asks something.</summary>
    public static Intent.Greeting? Recognise(string normalized) =>
        normalized.Length == 0 || normalized.Length > 120 ? null
        : Thanks().IsMatch(normalized) ? new Intent.Greeting(Thanks: true)
        : Greeting().IsMatch(normalized) ? new Intent.Greeting(Thanks: false)
        : null;
}
