using System.Text.RegularExpressions;
using AlignBot.Glossary;
using Microsoft.Playwright;

namespace AlignBot.Teams.Tests;

/// <summary>
/// AlignBot in Microsoft 365 Agents Playground's own web page, in Debian's headless Chromium (driven by Playwright, never
/// downloaded): a question typed into the compose box, the answer card, a click on one of its buttons. The bot runs
/// in process on loopback (Development, anonymous), the Playground through tools/agents-playground/start. Skipped
/// with a message where Node or Chromium is missing, except in CI, where that fails.
/// </summary>
public sealed class AgentsPlaygroundBrowserTests(MachineRequirements machine) : IAsyncLifetime, IClassFixture<MachineRequirements>
{
    private const string Chromium = MachineRequirements.ChromiumPath;
    private static readonly float Patience = (float)TimeSpan.FromSeconds(60).TotalMilliseconds;

    private TeamsHost? _host;
    private AgentsPlayground? _playground;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium) || !MachineRequirements.HasNode)
            return;
        _host = await TeamsHost.StartAsync("Development", anonymous: true);
        _playground = await AgentsPlayground.StartAsync(_host.StartOnLoopback() + "/api/messages");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = MachineRequirements.ChromiumArguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_playground is not null)
            await _playground.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
    }

    [SkippableFact]
    public async Task Ask_what_is_sycophancy_then_click_a_related_term_in_the_playground_page()
    {
        machine.Chromium();
        machine.Node();   // the Agents Playground is a Node.js program
        var glossary = TermGlossary.FromDirectory(RepoPaths.Corpus);
        var related = glossary.Find(glossary.Find("sycophancy")!.Related[0])!.Name;   // the card's first related-term button
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(Patience);
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync(_playground!.Url);
        var compose = page.Locator("[data-lexical-editor=\"true\"]");
        await compose.ClickAsync();
        await page.Keyboard.TypeAsync("what is sycophancy");
        await page.Keyboard.PressAsync("Enter");

        var sycophancy = CardTitled(page, "Sycophancy");
        await Assertions.Expect(sycophancy).ToBeVisibleAsync(new() { Timeout = Patience });
        await sycophancy.GetByRole(AriaRole.Button, new() { Name = related, Exact = true }).ClickAsync();

        await Assertions.Expect(CardTitled(page, related)).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.DoesNotContain(pageErrors, e => e.Contains("msTeams"));   // 0.2.28 throws "Cannot add property msTeams, object is not extensible" on messageBack data
    }

    /// <summary>The last Adaptive Card on the page whose text blocks include exactly <paramref name="title"/>.</summary>
    private static ILocator CardTitled(IPage page, string title) =>
        page.Locator(".ac-adaptiveCard")
            .Filter(new() { Has = page.Locator(".ac-textBlock", new() { HasTextRegex = new Regex("^" + Regex.Escape(title) + "$") }) })
            .Last;
}
