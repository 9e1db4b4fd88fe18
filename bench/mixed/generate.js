#!/usr/bin/env node
// Writes signed `/align` slash commands for wrk to replay with bench/mixed/replay.lua: one line per request,
// "<signature>\t<form body>", after a first line holding the timestamp every line is signed with (Slack accepts it
// for 5 minutes). Two workloads:
//   mixed (default): `--distinct` different messages (default 20,000, far more than any answer cache holds), written
//     `--lines` times in all (default: once each), every line with its own trigger_id and user, so the replay guard
//     claims each one. Messages are built with a fixed seed from the corpus: chat-style questions, `define x`,
//     comparisons, typos, the entries' own `questions:`, paraphrases made of words of their summaries, `search` and
//     `related`, and off-topic chatter.
//   repeated: `define <term>` for the first 32 terms, without trigger_id: the earlier load.sh workload, which the
//     answer cache serves.
// Usage: node bench/mixed/generate.js <out file> <secret> [--workload mixed|repeated] [--distinct N] [--lines N]
//        [--seed N] [--corpus dir] [--texts]. Run from the repository root. No dependencies beyond Node.js 18+.
// With --texts it writes only the distinct messages, one per line, unsigned (the secret is then ignored): what
// MixedMessageBenchmarks answers without HTTP.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const [out, secret, ...rest] = process.argv.slice(2);
if (!out || !secret) {
  console.error("usage: generate.js <out file> <secret> [--workload mixed|repeated] [--distinct N] [--lines N] [--seed N] [--corpus dir] [--texts]");
  process.exit(2);
}
const option = (name, fallback) => {
  const at = rest.indexOf(`--${name}`);
  return at >= 0 && at + 1 < rest.length ? rest[at + 1] : fallback;
};
const workload = option("workload", "mixed");
const distinct = Number(option("distinct", "20000"));
const lines = Number(option("lines", String(distinct)));
const seed = Number(option("seed", "16"));
const corpus = option("corpus", "corpus/terms");

// mulberry32: a small, fast generator whose sequence depends on the seed alone.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];

// The few front-matter fields the messages are made of: name, aliases, acronyms, questions and summary.
function readTerm(file) {
  const text = fs.readFileSync(file, "utf8");
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  const scalar = (key) => new RegExp(`^${key}: *(.+)$`, "m").exec(front)?.[1].trim().replace(/^"|"$/g, "");
  const list = (key) => (new RegExp(`^${key}: *\\[(.*)\\]$`, "m").exec(front)?.[1] ?? "")
    .split(",").map((item) => item.trim().replace(/^"|"$/g, "")).filter(Boolean);
  const questions = (/^questions:\r?\n((?: +- .*\r?\n)+)/m.exec(front)?.[1] ?? "")
    .split("\n").map((line) => line.replace(/^ +- /, "").trim().replace(/^"|"$/g, "")).filter(Boolean);
  const summary = (/^summary: *>-?\r?\n((?: +.*\r?\n?)+)/m.exec(front)?.[1] ?? "").replace(/\s+/g, " ").trim();
  return { slug: path.basename(file, ".md"), name: scalar("term"), aliases: list("aliases"), acronyms: list("acronyms"), questions, summary };
}
const terms = fs.readdirSync(corpus).filter((name) => name.endsWith(".md")).sort().map((name) => readTerm(path.join(corpus, name)));

const namesOf = (term) => [term.name, term.slug.replace(/-/g, " "), ...term.aliases, ...term.acronyms].filter(Boolean);
const stopWords = new Set("a an and are as at be by for from in into is it its of on or than that the their them they this to was were what when which who with".split(" "));
const contentWords = (text) => text.toLowerCase().replace(/[^a-z0-9' -]/g, " ").split(/\s+/).filter((w) => w.length > 2 && !stopWords.has(w));

function typo(word) {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0: return word.slice(0, at) + word.slice(at + 1);                              // a letter dropped
    case 1: return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);    // two letters swapped
    default: return word.slice(0, at) + word[at] + word.slice(at);                      // a letter doubled
  }
}

const questionFrames = ["what is {}?", "what's {}", "what does {} mean?", "can someone explain {}", "eli5 {}", "{}?",
  "quick q: what is {}", "is {} a thing?", "wait what is {} again", "what do people mean by {}", "tl;dr on {} pls", "{} explained"];
const comparisonFrames = ["{} vs {}", "{} versus {}", "difference between {} and {}", "how is {} different from {}?", "{} or {}?"];
const paraphraseFrames = ["when {}", "the thing where {}", "what's it called when {}", "is there a word for {}", "{}", "term for {}?"];
const chatter = ["lunch", "standup", "coffee", "deploy", "friday", "weekend", "pizza", "meeting", "build", "ticket", "review",
  "holiday", "printer", "wifi", "calendar", "offsite", "football", "weather", "slides", "budget", "train", "parking"];
const chatterFrames = ["anyone up for {} at {}?", "is the {} broken again", "who moved the {} to {}", "{} after the {}?",
  "reminder: {} at {}", "does anyone know where the {} is", "best {} near the office", "{} {} {}"];

const fill = (frame, ...parts) => parts.reduce((text, part) => text.replace("{}", part), frame);
const name = (term) => { const n = pick(namesOf(term)); return random() < 0.5 ? n.toLowerCase() : n; };

// One message of a kind picked with weights like a busy workspace's: mostly questions, some commands, some noise.
function message() {
  const term = pick(terms);
  const roll = random();
  if (roll < 0.18) return `define ${name(term)}`;
  if (roll < 0.38) return fill(pick(questionFrames), name(term));
  if (roll < 0.48) return fill(pick(comparisonFrames), name(term), name(pick(terms)));
  if (roll < 0.58) return fill(pick(random() < 0.5 ? questionFrames : ["define {}", "{}"]), name(term).split(" ").map(typo).join(" "));
  if (roll < 0.70 && term.questions.length > 0) return pick(term.questions);
  if (roll < 0.84) {
    const words = contentWords(term.summary);
    const start = Math.floor(random() * Math.max(1, words.length - 8));
    return fill(pick(paraphraseFrames), words.slice(start, start + 4 + Math.floor(random() * 6)).join(" "));
  }
  if (roll < 0.88) return `search ${contentWords(term.summary).slice(0, 2 + Math.floor(random() * 3)).join(" ")}`;
  if (roll < 0.90) return `related ${name(term)}`;
  return fill(pick(chatterFrames), pick(chatter), pick(chatter), String(Math.floor(random() * 12) + 1));
}

function texts() {
  if (workload === "repeated") return terms.slice(0, 32).map((term) => `define ${term.name.toLowerCase()}`);
  const seen = new Set();
  for (let attempts = 0; seen.size < distinct; attempts++) {
    if (attempts > distinct * 50) throw new Error(`only ${seen.size} distinct messages could be made`);
    seen.add(message());
  }
  return [...seen];
}

const timestamp = String(Math.floor(Date.now() / 1000));
const messages = texts();
if (rest.includes("--texts")) {
  fs.writeFileSync(out, messages.join("\n") + "\n");
  console.error(`${workload}: ${messages.length} distinct messages, seed ${seed} → ${out}`);
  process.exit(0);
}
const count = workload === "repeated" ? messages.length : lines;
const output = fs.openSync(out, "w");
fs.writeSync(output, timestamp + "\n");
let buffer = [];
for (let i = 0; i < count; i++) {
  const fields = { token: "x", team_id: "T0BENCH", channel_id: "C0BENCH", user_id: `U${(i % 997).toString().padStart(4, "0")}`,
    command: "/align", text: messages[i % messages.length], response_url: "https://hooks.slack.com/commands/T0BENCH/1/x" };
  if (workload !== "repeated") fields.trigger_id = `${seed}.${i}.${crypto.createHash("md5").update(`${seed}:${i}`).digest("hex").slice(0, 16)}`;
  const body = new URLSearchParams(fields).toString();
  const signature = "v0=" + crypto.createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  buffer.push(`${signature}\t${body}`);
  if (buffer.length === 10000 || i === count - 1) {
    fs.writeSync(output, buffer.join("\n") + "\n");
    buffer = [];
  }
}
fs.closeSync(output);
console.error(`${workload}: ${count} signed requests, ${messages.length} distinct messages, seed ${seed} → ${out}`);
