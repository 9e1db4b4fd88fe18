using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>Runs every options validation registered with <c>ValidateOnStart</c> at once, before the corpus and the store are touched.</summary>
public static class ConfigurationValidation
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
            // A value of the wrong type ("lots" for a number): the binder's message names the key, never the value.
            throw new OptionsValidationException(Options.DefaultName, typeof(object), [unconvertible.Message]);
        }
        return app;
    }
}
