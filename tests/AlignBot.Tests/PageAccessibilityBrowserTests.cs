using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlignBot.Tests;

/// <summary>
/// Accessibility of the playground and glossary pages in headless Chromium, in the light and the dark theme: axe-core
/// finds nothing, and what it does not check — focus hidden under the ask bar, contrast of the focus ring, font sizes
/// that follow the reader's — is checked here.
/// </summary>
public sealed class PageAccessibilityBrowserTests(PageBrowser browser) : IClassFixture<PageBrowser>
{
    [SkippableTheory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData("/terms", ColorScheme.Light)]
    [InlineData("/terms", ColorScheme.Dark)]
    [InlineData("/terms/rlhf", ColorScheme.Light)]
    [InlineData("/terms/rlhf", ColorScheme.Dark)]
    public async Task Axe_core_finds_no_violations(string path, ColorScheme scheme)
    {
        browser.Machine.Provided("axe-core", await AxeCore.MissingReason());
        var page = await browser.Open(path, scheme: scheme, bypassCsp: true);   // axe is injected as a script of its own
        if (path == "/")
        {
            await page.GetByLabel("Show the Block Kit and Adaptive Card JSON the bot would send").CheckAsync();
            await PageBrowser.Ask(page, "define rlhf");
            await page.Locator("article[aria-label='Reinforcement learning from human feedback']").WaitForAsync();
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeCore.Source() });
        var violations = await page.EvaluateAsync<JsonElement>("async () => (await axe.run()).violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)");

        Assert.True(violations.GetArrayLength() == 0, string.Join("\n", violations.EnumerateArray()));
    }

    [SkippableTheory]
    [InlineData(1280, 800)]
    [InlineData(640, 400)]   // 200% zoom of 1280×800
    public async Task Keyboard_focus_is_never_hidden_under_the_ask_bar(int width, int height)
    {
        var page = await browser.Open("/", width, height);
        foreach (var (question, answers) in new[] { ("define rlhf", 1), ("what is sycophancy", 2), ("related reward hacking", 3) })
        {
            await PageBrowser.Ask(page, question);
            await page.Locator("#log > li.bot:not([aria-busy])").Nth(answers - 1).WaitForAsync();
        }
        await page.EvaluateAsync("() => { document.activeElement.blur(); window.scrollTo(0, 0); }");

        var hidden = new List<string>();
        for (var step = 0; step < 300; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const e = document.activeElement, r = e.getBoundingClientRect(), bar = document.querySelector(".ask").getBoundingClientRect();
                  return { name: e.tagName + " " + e.textContent.trim().slice(0, 40), inBar: !!e.closest(".ask"), hidden: r.bottom > bar.top || r.top < 0 };
                }
                """);
            if (focused.GetProperty("inBar").GetBoolean())
                break;
            if (focused.GetProperty("hidden").GetBoolean())
                hidden.Add(focused.GetProperty("name").GetString()!);
        }

        Assert.True(hidden.Count == 0, $"{hidden.Count} focused elements under the ask bar at {width}×{height}: {string.Join("; ", hidden)}");
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Text_and_buttons_have_enough_contrast_and_the_backgroundfits_a_phone(ColorScheme scheme)
    {
        var page = await browser.Open("/", width: 390, scheme: scheme);
        await PageBrowser.Ask(page, "define sycophancy");
        await page.Locator("article[aria-label='Sycophancy']").WaitForAsync();

        foreach (var selector in new[] { "body", ".lead", ".log .me", ".card .category", ".card .sources", ".card .sources a", ".buttons button", ".ask button", ".ask input", ".top a" })
        {
            var (fore, back) = await Colors(page, selector, "color");
            Assert.True(Contrast(fore, back) >= 4.5, $"{scheme} {selector}: contrast {Contrast(fore, back):F2} is under 4.5");
        }
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        var (_, background) = await Colors(page, "body", "color");
        Assert.True(scheme == ColorScheme.Dark == Contrast(background, [0, 0, 0]) < Contrast(background, [255, 255, 255]), $"the page is not {scheme}");
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Focus_ring_stands_out_from_what_is_around_it(ColorScheme scheme)
    {
        var page = await browser.Open("/", scheme: scheme);
        await PageBrowser.Ask(page, "define sycophancy");
        await page.Locator("article[aria-label='Sycophancy']").WaitForAsync();

        foreach (var selector in new[] { ".lead button", ".buttons button", ".card .sources a", ".ask input", ".top a" })
        {
            await page.Locator(selector).First.FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");   // focus from the keyboard, so :focus-visible applies
            await page.Keyboard.PressAsync("Tab");
            var (ring, back) = await Colors(page, selector, "outlineColor");
            Assert.True(Contrast(ring, back) >= 3, $"{scheme} {selector}: focus ring contrast {Contrast(ring, back):F2} is under 3");
        }
    }

    [SkippableFact]
    public async Task Font_sizes_follow_the_readers_font_size()
    {
        var page = await browser.Open("/terms");

        var pixelSizes = await page.EvaluateAsync<string[]>("""
            () => [...document.styleSheets].flatMap(s => [...s.cssRules]).flatMap(r => r.cssRules ? [...r.cssRules] : [r])
              .filter(r => r.style && /px/.test(r.style.fontSize + r.style.font)).map(r => r.cssText)
            """);

        Assert.Empty(pixelSizes);
    }

    /// <summary>The element's <paramref name="property"/> colour and the first opaque background behind it.</summary>
    private static async Task<(double[] Fore, double[] Back)> Colors(IPage page, string selector, string property)
    {
        var colors = await page.EvaluateAsync<string[]>("""
            ([s, property]) => {
              const e = document.querySelector(s); const fore = getComputedStyle(e)[property];
              let back = 'rgba(0, 0, 0, 0)';
              for (let n = property === 'color' ? e : e.parentElement; n; n = n.parentElement) { const b = getComputedStyle(n).backgroundColor; if (!b.endsWith(', 0)') && b !== 'transparent') { back = b; break; } }
              return [fore, back === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : back];
            }
            """, new[] { selector, property });
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
