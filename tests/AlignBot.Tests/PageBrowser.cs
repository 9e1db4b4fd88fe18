using Xunit.Abstractions;
using Microsoft.Playwright;

namespace AlignBot.Tests;

/// <summary>
/// One AlignBot host and one headless Chromium (Debian's, driven by Playwright; never downloaded) shared by a test
/// class. Tests are skipped with a message on a machine without /usr/bin/chromium, except in CI, where a missing
/// browser fails. Screenshots land in artifacts/screenshots (the ones in docs/ were taken from there).
/// </summary>
public sealed class PageBrowser(IMessageSink diagnostics) : IAsyncLifetime
{
    private const string Chromium = MachineRequirements.ChromiumPath;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HostProcess? Host { get; private set; }

    /// <summary>What the tests need from the machine; a missing piece skips them with the reason printed.</summary>
    public MachineRequirements Machine { get; } = new(diagnostics);

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            return;
        Host = await HostProcess.StartAsync();
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
        if (Host is not null)
            await Host.DisposeAsync();
    }

    /// <summary>A new page at <paramref name="path"/> in its own context (light or dark); skips the test without Chromium.</summary>
    public async Task<IPage> Open(string path, int width = 1100, int height = 900, ColorScheme scheme = ColorScheme.Light, bool bypassCsp = false)
    {
        Machine.Chromium();
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            BypassCSP = bypassCsp,
        });
        await page.GotoAsync(Host!.BaseUrl + path);
        return page;
    }

    public static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Types <paramref name="text"/> into the ask box and sends it with Enter.</summary>
    public static async Task Ask(IPage page, string text)
    {
        await page.GetByLabel("Ask AlignBot").FillAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }
}
