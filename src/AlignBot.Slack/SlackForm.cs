using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AlignBot.Slack;

/// <summary>An <c>application/x-www-form-urlencoded</c> body as Slack sends it (commands, interaction payloads).</summary>
internal sealed class SlackForm(Dictionary<string, StringValues> fields)
{
    public static SlackForm Parse(byte[] body) => new(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)));

    public string? this[string name] => fields.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
}
