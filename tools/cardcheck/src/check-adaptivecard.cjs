// Checks Teams Adaptive Cards (JSON files) with Microsoft's adaptivecards library, the renderer Teams' web client
// is built on, running under jsdom: each card is parsed, validated and rendered, and held to what Teams accepts.
// A file may be a card, an activity with attachments, or a message-extension response (composeExtension.attachments,
// previews included). Usage: node src/check-adaptivecard.cjs FILE.json...   Exit 0 when every card passes.
const { readFileSync } = require("node:fs");
const { JSDOM } = require("jsdom");

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = window;
globalThis.document = window.document;
globalThis.navigator ??= window.navigator;
// The renderer uses DOM classes as globals (instanceof HTMLButtonElement, new KeyboardEvent …): lend it jsdom's.
for (const name of Object.getOwnPropertyNames(window))
  if (/^[A-Z]/.test(name) && !(name in globalThis)) globalThis[name] = window[name];
// The published bundle (the package's "main" is ES modules with extensionless imports, which node cannot load).
const AC = require("adaptivecards/dist/adaptivecards.js");

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
const HIGHEST_VERSION = "1.5";       // the schema Teams renders on every client
const MOST_BYTES = 28 * 1024;        // Teams refuses messages over about 28 KB

// Markdown is Teams' business; the check only needs the renderer to accept the text.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = text;
  result.didProcess = true;
};

function cardsIn(json) {
  if (json?.type === "AdaptiveCard") return [["card", json]];
  const attachments = json?.attachments ?? json?.composeExtension?.attachments ?? [];
  const prefix = json?.attachments ? "attachments" : "composeExtension.attachments";
  const cards = [];
  attachments.forEach((a, i) => {
    if (a?.contentType === ADAPTIVE_CARD) cards.push([`${prefix}[${i}].content`, a.content]);
    if (a?.preview?.contentType === ADAPTIVE_CARD) cards.push([`${prefix}[${i}].preview.content`, a.preview.content]);
  });
  return cards;
}

function versionAbove(version, highest) {
  const [major, minor] = String(version).split(".").map(Number);
  const [topMajor, topMinor] = highest.split(".").map(Number);
  return major > topMajor || (major === topMajor && (minor || 0) > topMinor);
}

function problemsOf(content) {
  const problems = [];
  if (content?.type !== "AdaptiveCard") return [`type is ${JSON.stringify(content?.type)}, not "AdaptiveCard"`];
  if (typeof content.version !== "string" || !/^\d+\.\d+$/.test(content.version))
    problems.push(`version is ${JSON.stringify(content.version)}; Teams needs one such as "${HIGHEST_VERSION}"`);
  else if (versionAbove(content.version, HIGHEST_VERSION))
    problems.push(`version ${content.version} is above ${HIGHEST_VERSION}, the highest Teams renders on every client`);
  const bytes = Buffer.byteLength(JSON.stringify(content));
  if (bytes > MOST_BYTES) problems.push(`${bytes} bytes; Teams accepts at most ${MOST_BYTES}`);

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents)
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  if (!card.render()) problems.push("the renderer produced nothing");
  return problems;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: check-adaptivecard FILE.json...");
  process.exit(2);
}
let cards = 0;
let failing = 0;
for (const file of files) {
  let json;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.log(`${file}: not readable JSON: ${error.message}`);
    failing++;
    continue;
  }
  const found = cardsIn(json);
  if (found.length === 0) {
    console.log(`${file}: no Adaptive Card in it (a card, an activity's attachments or composeExtension.attachments)`);
    failing++;
    continue;
  }
  let fileFails = false;
  for (const [where, content] of found) {
    cards++;
    for (const problem of problemsOf(content)) {
      console.log(`${file}: ${where}: ${problem}`);
      fileFails = true;
    }
  }
  if (fileFails) failing++;
}
console.log(failing
  ? `check-adaptivecard: ${failing} of ${files.length} file(s) fail`
  : `check-adaptivecard: ${cards} card(s) in ${files.length} file(s) pass`);
process.exit(failing ? 1 : 0);
