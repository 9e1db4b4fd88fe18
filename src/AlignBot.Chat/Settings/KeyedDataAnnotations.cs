using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlignBot.Chat.Settings;

/// <summary>
/// The data-annotation attributes of an options class, checked with each failure naming its configuration key
/// ("Slack:MaxBodyBytes: The field MaxBodyBytes must be between 1024 and 1048576."), so a start-up failure says
/// exactly which setting to fix. Used instead of <c>ValidateDataAnnotations</c>, whose messages name the class.
/// </summary>
public static class KeyedDataAnnotations
{
    public static OptionsBuilder<TOptions> ValidateDataAnnotationsByKey<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new Validator<TOptions>(builder.Name, section));
        return builder;
    }

    private sealed class Validator<TOptions>(string? name, string section) : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options)
        {
            if (name is not null && name != optionsName)
                return ValidateOptionsResult.Skip;
            var results = new List<ValidationResult>();
            if (System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
                return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
