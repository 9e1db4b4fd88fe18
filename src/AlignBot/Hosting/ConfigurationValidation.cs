using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>Runs every options validation registered with <c>ValidateOnStart</c> at once, before the corpus and the store are touched.</summary>
public static partial class ConfigurationValidation
{
    /// <summary>Throws <see cref="OptionsValidationException"/> (or an <see cref="AggregateException"/> of them) naming each wrong key.</summary>
    public static WebApplication ValidateConfiguration(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (InvalidOperationException unconvertible)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(object), [WithoutValue(unconvertible.Message)]);
        }
        return app;
    }

    /// <summary>
    /// The binder's "Failed to convert configuration value '…' at 'Slack:MaxBodyBytes' to type 'System.Int32'." as
    /// "Slack:MaxBodyBytes is not a valid Int32": the key and what is wrong, never the value, which may be a secret.
    /// </summary>
    private static string WithoutValue(string message) => Unconvertible().Match(message) is { Success: true } match
        ? $"{match.Groups["key"].Value} is not a valid {match.Groups["type"].Value.Split('.')[^1]}"
        : "a setting has a value of the wrong type";

    [GeneratedRegex(@"^Failed to convert configuration value '.*' at '(?<key>[^']*)' to type '(?<type>[^']*)'\.$", RegexOptions.Singleline)]
    private static partial Regex Unconvertible();
}
