// The Slack app AlignBot's speed is compared with: what a team might write instead, on Slack's own framework
// (Bolt for JavaScript). Bolt's HTTP receiver verifies each request's signature, and `/align define <term>` is
// answered privately with a Block Kit card from a dictionary of the same corpus files AlignBot serves, keyed by
// each term's name, aliases, acronyms and slug (exact match, any case); anything else gets "no definition".
//
// Environment: SLACK_SIGNING_SECRET (required), PORT (default 3000), CORPUS_DIR (default: the repository's
// corpus/terms). Prints READY once listening on 127.0.0.1.
const fs = require("node:fs");
const path = require("node:path");
const { App, HTTPReceiver, LogLevel } = require("@slack/bolt");
const YAML = require("yaml");

const corpusDir = process.env.CORPUS_DIR ?? path.join(__dirname, "..", "..", "..", "corpus", "terms");

function loadTerms(dir) {
  const byKey = new Map();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".md")).sort()) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!frontMatter) throw new Error(`${name}: no front matter`);
    const term = { slug: name.slice(0, -3), ...YAML.parse(frontMatter[1]) };
    for (const key of [term.slug, term.term, ...(term.aliases ?? []), ...(term.acronyms ?? [])]) {
      if (!byKey.has(key.toLowerCase())) byKey.set(key.toLowerCase(), term);
    }
  }
  return byKey;
}

function card(term) {
  return {
    response_type: "ephemeral",
    text: `${term.term}: ${term.summary.trim()}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: term.term } },
      { type: "section", text: { type: "mrkdwn", text: term.summary.trim() } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${term.category} · ${(term.sources ?? []).map((s) => s.title).join("; ")}` }] },
      {
        type: "actions",
        elements: (term.related ?? []).slice(0, 5).map((slug) => ({
          type: "button", action_id: `show_term:${slug}`, value: slug, text: { type: "plain_text", text: slug },
        })),
      },
    ],
  };
}

function notFound(asked) {
  return {
    response_type: "ephemeral",
    text: `No definition found for "${asked}".`,
    blocks: [{ type: "section", text: { type: "plain_text", text: `No definition found for "${asked}".` } }],
  };
}

const terms = loadTerms(corpusDir);
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: "/slack/commands" });
const app = new App({
  receiver, token: "xoxb-not-used", tokenVerificationEnabled: false, botId: "B0", botUserId: "U0", logLevel: LogLevel.WARN,
});

app.command("/align", async ({ command, ack }) => {
  const asked = (command.text ?? "").trim().replace(/^define\s+/i, "").replace(/\s+/g, " ");
  const term = terms.get(asked.toLowerCase());
  await ack(term ? card(term) : notFound(asked));
});

app.start({ port: Number(process.env.PORT ?? 3000), host: "127.0.0.1" }).then(() => console.log("READY"));
