using Microsoft.Playwright;

namespace AlignBot.Tests;

/// <summary>The playground and glossary pages in a real headless Chromium: what a reader does and sees.</summary>
public sealed class PlaygroundBrowserTests(PageBrowser browser) : IClassFixture<PageBrowser>
{
    private const string AnswerSelector = "#log > li.bot:not([aria-busy])";

    /// <summary>Asks and waits until the page shows <paramref name="answers"/> answers in all.</summary>
    private static async Task AskAndWait(IPage page, string text, int answers)
    {
        await PageBrowser.Ask(page, text);
        await page.Locator(AnswerSelector).Nth(answers - 1).WaitForAsync();
    }

    /// <summary>
    /// Where the last answer is, unless the whole of it is in the window above the fixed ask bar, or, for an answer taller
    /// than that room, its start is at the top (within a pixel).
    /// </summary>
    private static Task<string> WhereTheLastAnswerIsHidden(IPage page) => page.EvaluateAsync<string>($$"""
        () => {
          const answers = document.querySelectorAll("{{AnswerSelector}}");
          const answer = answers[answers.length - 1].getBoundingClientRect(), bar = document.querySelector(".ask").getBoundingClientRect();
          const shown = answer.height <= bar.top ? answer.top >= -1 && answer.bottom <= bar.top + 1 : Math.abs(answer.top) <= 1;
          return shown ? "" : `answer from ${answer.top} to ${answer.bottom}, ask bar from ${bar.top}`;
        }
        """);

    [SkippableFact]
    public async Task Ask_click_a_related_term_then_get_no_definition_for_pizza()
    {
        var page = await browser.Open("/");

        await PageBrowser.Ask(page, "what is sycophancy");
        var card = page.Locator("article[aria-label='Sycophancy']");
        await card.WaitForAsync();
        Assert.Contains("what they want to hear", await card.InnerTextAsync());

        var related = card.Locator(".buttons button").First;
        var relatedName = await related.InnerTextAsync();
        await related.ClickAsync();
        await page.Locator($"article[aria-label='{relatedName}'] h2").WaitForAsync();

        await PageBrowser.Ask(page, "best pizza in town");
        await page.GetByText("No definition found for “best pizza in town”.", new PageGetByTextOptions { Exact = true }).WaitForAsync();

        await PageBrowser.Ask(page, "what is sycophancy");
        await page.Locator("article[aria-label='Sycophancy']").Nth(1).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PageBrowser.Screenshot("playground.png"), FullPage = false });
    }

    [SkippableFact]
    public async Task The_curator_suggests_approves_and_then_edits_a_workspace_term_from_its_card()
    {
        const string first = "A drill where one team rebuilds the lattice of release checks from memory.";
        const string second = "A drill where one team rebuilds the release checklist from memory, then compares it.";
        var page = await browser.Open("/");

        await PageBrowser.Ask(page, "suggest Quartz lattice drill");
        var form = page.Locator("form.suggest").Last;
        await form.WaitForAsync();
        await form.GetByLabel("Definition").FillAsync(first);
        await form.GetByRole(AriaRole.Button, new() { Name = "Suggest" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).Last.ClickAsync();
        await page.GetByText("Suggestion approved by playground").WaitForAsync();
        await PageBrowser.Ask(page, "define quartz lattice drill");
        var card = page.Locator("article[aria-label='Quartz lattice drill']").Last;
        await card.WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var edit = page.Locator("form.suggest", new() { HasTextString = "Edit the workspace term" }).Last;
        await edit.WaitForAsync();
        Assert.Equal(first, await edit.GetByLabel("Definition").InputValueAsync());
        await edit.GetByLabel("Definition").FillAsync(second);
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.Locator(".card", new() { HasTextString = "history is kept" }).WaitForAsync();
        await PageBrowser.Ask(page, "define quartz lattice drill");

        await page.Locator("article[aria-label='Quartz lattice drill']", new() { HasTextString = second }).WaitForAsync();
    }

    [SkippableFact]
    public async Task No_definition_offers_a_search_and_help_as_buttons()
    {
        var page = await browser.Open("/");
        await AskAndWait(page, "best pizza in town", 1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Search “best pizza in town”" }).ClickAsync();
        await page.Locator(".card h2", new() { HasTextString = "Terms matching “best pizza in town”" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Help", Exact = true }).ClickAsync();

        await page.Locator(".card", new() { HasTextString = "AlignBot explains" }).WaitForAsync();
    }

    [SkippableFact]
    public async Task Empty_message_shows_help()
    {
        var page = await browser.Open("/");

        await page.GetByLabel("Ask AlignBot").PressAsync("Enter");

        await page.Locator(".card", new() { HasTextString = "AlignBot explains" }).WaitForAsync();
    }

    [SkippableTheory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Each_new_answer_shows_whole_above_the_ask_bar(int width, int height)
    {
        var page = await browser.Open("/", width, height);

        var answers = 0;
        foreach (var question in new[] { "define rlhf", "what is sycophancy", "RLHF vs DPO", "define reward hacking" })
        {
            await AskAndWait(page, question, ++answers);
            var hidden = await WhereTheLastAnswerIsHidden(page);
            Assert.True(hidden.Length == 0, $"answer to “{question}” is hidden at {width}×{height}: {hidden}");
        }
    }

    [SkippableFact]
    public async Task Failed_request_says_so_above_the_ask_bar()
    {
        var page = await browser.Open("/", 1280, 800);
        await AskAndWait(page, "define rlhf", 1);
        await AskAndWait(page, "what is sycophancy", 2);
        await page.RouteAsync("**/playground/messages", route => route.AbortAsync());

        await AskAndWait(page, "define reward hacking", 3);

        Assert.Contains("AlignBot did not answer", await page.Locator(AnswerSelector).Last.InnerTextAsync());
        Assert.Equal("", await WhereTheLastAnswerIsHidden(page));
    }

    [SkippableFact]
    public async Task A_reply_on_its_way_is_announced_and_shown_until_it_arrives()
    {
        var page = await browser.Open("/");
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/playground/messages", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await PageBrowser.Ask(page, "define rlhf");

        await page.Locator("#log > li[aria-busy='true']").GetByText("AlignBot is answering…").WaitForAsync();
        Assert.Equal("AlignBot is answering…", await page.GetByRole(AriaRole.Status).TextContentAsync());
        release.SetResult();
        await page.Locator("article[aria-label='Reinforcement learning from human feedback']").WaitForAsync();
        Assert.Equal("", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal(0, await page.Locator("[aria-busy], .pending").CountAsync());
    }

    [SkippableFact]
    public async Task Conversation_names_who_said_what()
    {
        var page = await browser.Open("/");

        await AskAndWait(page, "define rlhf", 1);

        var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
        Assert.Equal("You: define rlhf", await log.Locator("li.me").TextContentAsync());
        Assert.StartsWith("AlignBot: ", await log.Locator("li.bot").TextContentAsync());
    }

    [SkippableFact]
    public async Task Json_toggle_shows_block_kit_and_adaptive_card_in_focusable_labelled_blocks()
    {
        var page = await browser.Open("/");

        await page.GetByLabel("Show the Block Kit and Adaptive Card JSON the bot would send").CheckAsync();
        await PageBrowser.Ask(page, "RLHF vs DPO");

        var blockKit = page.GetByRole(AriaRole.Region, new() { Name = "Block Kit (Slack) JSON" });
        await blockKit.WaitForAsync();
        Assert.Contains("\"blocks\"", await blockKit.InnerTextAsync());
        Assert.Contains("\"AdaptiveCard\"", await page.GetByRole(AriaRole.Region, new() { Name = "Adaptive Card (Teams) JSON" }).InnerTextAsync());
        Assert.Equal("0", await blockKit.GetAttributeAsync("tabindex"));
    }

    [SkippableFact]
    public async Task Related_buttons_work_from_the_keyboard()
    {
        var page = await browser.Open("/");
        await PageBrowser.Ask(page, "define rlhf");
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
        var page = await browser.Open("/terms/rlhf");

        Assert.Equal("Reinforcement learning from human feedback", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("h2:has-text('Related terms') + ul li").CountAsync() >= 2);
        Assert.True(await page.Locator("h2:has-text('Sources') + ul a").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PageBrowser.Screenshot("term-page.png"), FullPage = false });
    }

    [SkippableFact]
    public async Task Term_page_address_ignores_case()
    {
        var page = await browser.Open("/terms/RLHF");

        Assert.EndsWith("/terms/rlhf", page.Url);
        Assert.Equal("Reinforcement learning from human feedback", await page.Locator("h1").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Glossary_index_filters_as_you_type_hiding_empty_categories()
    {
        var page = await browser.Open("/terms");
        var terms = page.Locator("section.category li:visible");
        var all = await terms.CountAsync();
        Assert.Equal(all, await page.Locator("section.category li").CountAsync());

        await page.GetByLabel("Filter terms").FillAsync("reward");
        await page.Locator("#filter-status", new() { HasTextRegex = new("terms match") }).WaitForAsync();
        var filtered = await terms.CountAsync();
        Assert.InRange(filtered, 2, all - 1);
        Assert.Equal($"{filtered} terms match.", await page.Locator("#filter-status").TextContentAsync());
        Assert.Equal(0, await page.Locator("section.category:visible:not(:has(li:visible))").CountAsync());
        Assert.Equal(await page.Locator("section.category:visible").CountAsync(), await page.Locator(".jump li:visible").CountAsync());

        await page.GetByLabel("Filter terms").FillAsync("sycophancy");
        await page.Locator("#filter-status", new() { HasTextString = "1 term matches." }).WaitForAsync();
        await page.GetByLabel("Filter terms").FillAsync("zzzzqx");
        await page.Locator("#filter-status", new() { HasTextString = "No terms match." }).WaitForAsync();
        Assert.Equal(0, await page.Locator("section.category:visible").CountAsync());
    }

    [SkippableFact]
    public async Task Glossary_jump_links_lead_to_their_category()
    {
        var page = await browser.Open("/terms");

        await page.Locator(".jump").GetByRole(AriaRole.Link, new() { Name = "Failure modes" }).ClickAsync();

        Assert.EndsWith("#failure-modes", page.Url);
        Assert.True(await page.Locator("#failure-modes").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task Unknown_address_shows_a_page_with_a_way_back()
    {
        var page = await browser.Open("/no/such/page");

        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Browse the glossary of AI-alignment terms" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "AI-alignment glossary" }).WaitForAsync();
    }

    [SkippableFact]
    public async Task Pages_work_under_their_content_security_policy()
    {
        var page = await browser.Open("/");
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") violations.Add(message.Text); };
        page.PageError += (_, error) => violations.Add(error);
        await page.ReloadAsync();

        await AskAndWait(page, "define rlhf", 1);
        await page.GotoAsync(browser.Host!.BaseUrl + "/terms");
        await page.GetByLabel("Filter terms").FillAsync("reward");
        await page.Locator("#filter-status", new() { HasTextRegex = new("terms match") }).WaitForAsync();
        await page.GotoAsync(browser.Host.BaseUrl + "/terms/rlhf");

        Assert.Empty(violations);
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('link[rel=stylesheet]').sheet.cssRules.length > 0"), "the stylesheet did not load");
    }
}
