using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlignBot.Tests;

/// <summary>
/// The playground and glossary pages in a real headless Chromium (Debian's, driven by Playwright; never downloaded).
/// Skipped with a message on a machine without /usr/bin/chromium, except in CI, where a missing browser fails.
/// Screenshots land in artifacts/screenshots (the ones in docs/ were taken from here).
/// </summary>
public sealed class PlaygroundBrowserTests(MachineRequirements machine) : IAsyncLifetime, IClassFixture<MachineRequirements>
{
    private HostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(MachineRequirements.ChromiumPath))
            return;
        _host = await HostProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = MachineRequirements.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
    }

    private async Task<IPage> Open(string path, int width = 1100)
    {
        machine.Chromium();
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(_host!.BaseUrl + path);
        return page;
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [SkippableFact]
    public async Task Ask_click_a_related_term_then_get_no_definition_for_pizza()
    {
        var page = await Open("/");

        await page.GetByLabel("Ask AlignBot").FillAsync("what is sycophancy");
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("article[aria-label='Sycophancy']");
        await card.WaitForAsync();
        Assert.Contains("what they want to hear", await card.InnerTextAsync());

        var related = card.Locator(".buttons button").First;
        var relatedName = await related.InnerTextAsync();
        await related.ClickAsync();
        await page.Locator($"article[aria-label='{relatedName}'] h2").WaitForAsync();

        await page.GetByLabel("Ask AlignBot").FillAsync("best pizza in town");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("No definition found for “best pizza in town”.", new PageGetByTextOptions { Exact = true }).WaitForAsync();

        await page.GetByLabel("Ask AlignBot").FillAsync("what is sycophancy");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("article[aria-label='Sycophancy']").Nth(1).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("playground.png"), FullPage = false });
    }

    [SkippableFact]
    public async Task Json_toggle_shows_block_kit_and_adaptive_card()
    {
        var page = await Open("/");

        await page.GetByLabel("Show the Block Kit and Adaptive Card JSON the bot would send").CheckAsync();
        await page.GetByLabel("Ask AlignBot").FillAsync("RLHF vs DPO");
        await page.Keyboard.PressAsync("Enter");

        var blockKit = page.Locator("details.json pre").First;
        await blockKit.WaitForAsync();
        Assert.Contains("\"blocks\"", await blockKit.InnerTextAsync());
        Assert.Contains("\"AdaptiveCard\"", await page.Locator("details.json pre").Nth(1).InnerTextAsync());
    }

    [SkippableFact]
    public async Task Related_buttons_work_from_the_keyboard()
    {
        var page = await Open("/");
        await page.GetByLabel("Ask AlignBot").FillAsync("define rlhf");
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("article[aria-label='Reinforcement learning from human feedback']");
        await card.WaitForAsync();

        var button = card.Locator(".buttons button").First;
        var name = await button.InnerTextAsync();
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.Locator($"article[aria-label='{name}']").WaitForAsync();
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
    }

    [SkippableFact]
    public async Task Term_page_shows_the_term_related_terms_and_sources()
    {
        var page = await Open("/terms/rlhf");

        Assert.Equal("Reinforcement learning from human feedback", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("h2:has-text('Related terms') + ul li").CountAsync() >= 2);
        Assert.True(await page.Locator("h2:has-text('Sources') + ul a").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("term-page.png"), FullPage = false });
    }

    [SkippableFact]
    public async Task Glossary_index_filters_as_you_type()
    {
        var page = await Open("/terms");
        var visible = page.Locator("section:has(#a-z) li:visible");
        var all = await visible.CountAsync();

        await page.GetByLabel("Filter terms").FillAsync("reward");

        await page.WaitForFunctionAsync("document.getElementById('filter-status').textContent.includes('match')");
        var filtered = await visible.CountAsync();
        Assert.InRange(filtered, 2, all - 1);
    }

    [SkippableFact]
    public async Task Text_and_buttons_have_enough_contrast_and_the_page_fits_a_phone()
    {
        var page = await Open("/", width: 390);
        await page.GetByLabel("Ask AlignBot").FillAsync("define sycophancy");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("article[aria-label='Sycophancy']").WaitForAsync();

        foreach (var selector in new[] { "body", ".lead", ".card .category", ".card .sources", ".buttons button", ".ask button", ".top a" })
        {
            var (fore, back) = await Colors(page, selector);
            Assert.True(Contrast(fore, back) >= 4.5, $"{selector}: contrast {Contrast(fore, back):F2} is under 4.5");
        }
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
    }

    private static async Task<(double[] Fore, double[] Back)> Colors(IPage page, string selector)
    {
        var colors = await page.EvaluateAsync<string[]>("""
            s => {
              let e = document.querySelector(s); const fore = getComputedStyle(e).color;
              let back = 'rgba(0, 0, 0, 0)';
              for (let n = e; n; n = n.parentElement) { const b = getComputedStyle(n).backgroundColor; if (!b.endsWith(', 0)') && b !== 'transparent') { back = b; break; } }
              return [fore, back === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : back];
            }
            """, selector);
        return (Rgb(colors[0]), Rgb(colors[1]));
    }

    private static double[] Rgb(string css) =>
        Regex.Matches(css, @"[\d.]+").Take(3).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>WCAG 2 contrast ratio.</summary>
    private static double Contrast(double[] a, double[] b)
    {
        static double Luminance(double[] c)
        {
            var l = c.Select(v => v / 255).Select(v => v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4)).ToArray();
            return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
        }
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }
}
