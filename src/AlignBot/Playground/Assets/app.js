// The AlignBot playground: sends each message to /playground/messages and draws the reply as a card.
// Every string from the server is set with textContent, never as HTML.
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("ask-form");
  const input = document.getElementById("ask");
  const showJson = document.getElementById("show-json");

  const el = (tag, props = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  };

  const termButton = (term, label) =>
    el("button", { type: "button", class: "secondary", "data-slug": term.slug, text: label ?? term.name,
      onclick: () => send({ actionId: "alignbot.show_term", actionValue: term.slug }, label ?? term.name) });

  const buttons = (terms, prefix = "") => terms.length ? el("div", { class: "buttons" }, terms.map(t => termButton(t, prefix + t.name))) : null;

  const paragraphs = text => text.split(/\n\s*\n/).map(p => el("p", { text: p.replace(/\*\*/g, "").replace(/\s*\n\s*/g, " ") }));

  const termCard = (term, related, correctedFrom) => el("article", { class: "card", "aria-label": term.name }, [
    el("p", { class: "category", text: term.category }),
    el("h2", { text: term.name }),
    correctedFrom ? el("p", { class: "muted", text: `Showing results for “${term.name}” (you typed “${correctedFrom}”)` }) : null,
    el("p", { text: term.summary }),
    el("details", {}, [el("summary", { text: "Read more" }), ...paragraphs(term.body)]),
    el("p", { class: "sources" }, ["Sources: ", ...term.sources.flatMap((s, i) => [i ? " · " : "", el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: s.title })]),
      " · ", el("a", { href: term.page, text: "Glossary page" })]),
    related && related.length ? el("h3", { class: "visually-hidden", text: "Related terms" }) : null,
    related ? buttons(related) : null,
  ]);

  const render = reply => {
    switch (reply.kind) {
      case "term": return termCard(reply.term, reply.related, reply.correctedFrom);
      case "comparison": return el("div", { class: "card" }, [
        el("h2", { text: `${reply.terms[0].name} vs ${reply.terms[1].name}` }),
        el("div", { class: "columns" }, reply.terms.map(t => el("div", {}, [el("h3", { text: t.name }), el("p", { class: "category", text: t.category }), el("p", { text: t.summary })]))),
        buttons(reply.terms, "Read about "),
      ]);
      case "search":
      case "related": return el("div", { class: "card" }, [
        el("h2", { text: reply.kind === "search" ? `Terms matching “${reply.query}”` : `Related to ${reply.of.name}` }),
        el("ul", { class: "items" }, reply.items.map(t => el("li", {}, [termButton(t), el("span", { class: "muted", text: " " + t.summary })]))),
      ]);
      case "notFound": return el("div", { class: "card" }, [
        el("p", { text: `No definition found for “${reply.query}”.` }),
        reply.didYouMean.length ? el("p", { text: "Did you mean:" }) : el("p", { class: "muted", text: "Try “search <words>” or “help”." }),
        buttons(reply.didYouMean),
      ]);
      case "help": return el("div", { class: "card" }, [
        el("p", { text: `AlignBot explains ${reply.termCount} AI-alignment terms.` }),
        el("ul", {}, reply.commands.map(c => el("li", {}, [el("code", { text: c.usage }), " — " + c.description]))),
        buttons(reply.examples),
      ]);
      case "notice": return el("div", { class: "card", text: reply.text });
      default: return el("div", { class: "card", text: "Sorry, I can't show that here." });
    }
  };

  const jsonBlock = (title, value) => el("details", { class: "json", open: "" }, [el("summary", { text: title }), el("pre", { text: JSON.stringify(value, null, 2) })]);

  async function send(message, shown) {
    log.append(el("li", { class: "me", text: shown }));
    const item = el("li", { "aria-busy": "true" });
    log.append(item);
    try {
      const response = await fetch("/playground/messages", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(message) });
      const data = await response.json();
      item.removeAttribute("aria-busy");
      if (!response.ok) { item.append(el("div", { class: "card", text: data.detail || data.title || `Error ${response.status}` })); return; }
      item.append(render(data.reply), jsonBlock("Block Kit (Slack)", data.slack), jsonBlock("Adaptive Card (Teams)", data.teams));
    } catch (error) {
      item.append(el("div", { class: "card", text: "AlignBot did not answer: " + error.message }));
    }
    item.scrollIntoView({ block: "nearest" });
  }

  form.addEventListener("submit", event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });
  for (const example of document.querySelectorAll("[data-ask]"))
    example.addEventListener("click", () => send({ text: example.dataset.ask }, example.dataset.ask));
  showJson.addEventListener("change", () => document.body.classList.toggle("show-json", showJson.checked));
  input.focus();
})();
