namespace AlignBot.Chat.Evaluation;

/// <summary>What an eval line expects the bot to do.</summary>
public enum EvalExpectation
{
    /// <summary>A card for one of the expected slugs (<c>a</c> or <c>a|b</c>).</summary>
    Term,

    /// <summary>A comparison showing every expected slug (<c>a+b</c>, <c>a+b+c</c>).</summary>
    Comparison,

    /// <summary>"No definition found": off-topic chatter and topics the glossary does not define (<c>-</c>).</summary>
    Nothing,

    /// <summary>A friendly reply saying what to ask, never a card (<c>~</c>: greetings, thanks, "who are you").</summary>
    Greeting,
}
