// The AlignBot playground: sends each message to /playground/messages and draws the reply as a card.
// Every string from the server is set with textContent, never as HTML.
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("ask-form");
  const input = document.getElementById("ask");
  const showJson = document.getElementById("show-json");
  const status = document.getElementById("status");

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

  const askButton = (label, text) => el("button", { type: "button", class: "secondary", text: label, onclick: () => send({ text }, text) });

  const buttons = (terms, prefix = "") => terms.length ? el("div", { class: "buttons" }, terms.map(t => termButton(t, prefix + t.name))) : null;

  const actionButton = (label, actionId, actionValue, cls = "secondary") =>
    el("button", { type: "button", class: cls, text: label, onclick: () => send({ actionId, actionValue }, label) });

  // The suggestion form: the page's own fields, posted as {form, suggestionId, termSlug}; errors from the server shown above their fields.
  const suggestForm = reply => {
    const field = (id, label, value, multiline) => {
      const inputId = `suggest-${id}-${Math.random().toString(36).slice(2, 8)}`;
      const input = multiline ? el("textarea", { id: inputId, name: id, rows: "4" }) : el("input", { id: inputId, name: id, type: "text" });
      input.value = value || "";
      return el("p", {}, [el("label", { for: inputId, text: label }), reply.errors[id] ? el("span", { class: "error", text: " " + reply.errors[id] }) : null, input]);
    };
    const form = el("form", { class: "card suggest", "aria-label": "Suggest a term" }, [
      el("h2", { text: reply.title }),
      field("name", "Term", reply.name),
      field("aliases", "Other names and acronyms (separated by commas)", reply.aliases),
      field("definition", "Definition (30–600 characters, plain text)", reply.definition, true),
      field("source", "Source link (https, optional)", reply.source),
      field("related", "Related terms (their ids, separated by commas)", reply.related.join(", ")),
      el("button", { type: "submit", text: reply.submit }),
    ]);
    form.addEventListener("submit", event => {
      event.preventDefault();
      const value = name => form.elements[name].value;
      send({ form: { name: value("name"), aliases: value("aliases"), definition: value("definition"), source: value("source"),
        related: value("related").split(",").map(s => s.trim()).filter(Boolean) }, suggestionId: reply.suggestionId, termSlug: reply.termSlug },
        `${reply.submit} “${value("name")}”`);
    });
    return form;
  };

  const review = reply => el("article", { class: "card", "aria-label": "Suggestion " + reply.name }, [
    el("p", { class: "category", text: reply.state === "pending" ? "New suggestion, for you to review" : `Suggestion ${reply.state} by ${reply.decidedBy}` }),
    el("h2", { text: reply.name }),
    el("p", { text: reply.definition }),
    reply.aliases.length ? el("p", { class: "muted", text: "Also called: " + reply.aliases.join(", ") }) : null,
    reply.source ? el("p", { class: "sources" }, ["Source: ", el("a", { href: reply.source, rel: "noopener noreferrer", target: "_blank", text: reply.source })]) : null,
    reply.state === "pending" ? el("div", { class: "buttons" }, [
      actionButton("Approve", "alignbot.approve", reply.id, "primary"), actionButton("Edit", "alignbot.edit", reply.id), actionButton("Reject", "alignbot.reject", reply.id),
    ]) : null,
  ]);

  const digest = reply => el("div", { class: "card" }, [
    el("h2", { text: "What went unanswered" }),
    reply.questions.length ? el("ul", { class: "items" }, reply.questions.map(q => el("li", {}, [
      el("span", { text: `“${q.text}”, asked ${q.count === 1 ? "once" : q.count + " times"} ` }), actionButton("Add definition", "alignbot.add_definition", q.text)]))) : el("p", { text: "No unanswered questions lately." }),
    reply.leastHelpful.length ? el("h3", { text: "Least helpful answers" }) : null,
    reply.leastHelpful.length ? el("ul", {}, reply.leastHelpful.map(t => el("li", { text: `${t.term.name}: ${t.notHelpful} not helpful, ${t.helpful} helpful` }))) : null,
  ]);

  const paragraphs = text => text.split(/\n\s*\n/).map(p => el("p", { text: p.replace(/\*\*/g, "").replace(/\s*\n\s*/g, " ") }));

  const termCard = (term, related, correctedFrom, alternatives, origin) => el("article", { class: "card", "aria-label": term.name }, [
    alternatives ? el("p", { text: `Did you mean “${term.name}”?` }) : null,
    el("p", { class: "category", text: term.category }),
    el("h2", { text: term.name }),
    correctedFrom ? el("p", { class: "muted", text: `Showing results for “${term.name}” (you typed “${correctedFrom}”)` }) : null,
    el("p", { text: term.summary }),
    term.body ? el("details", {}, [el("summary", { text: "Read more" }), ...paragraphs(term.body)]) : null,
    el("p", { class: "sources" }, ["Sources: ", ...term.sources.flatMap((s, i) => [i ? " · " : "", el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: s.title })]),
      ...(origin ? [] : [" · ", el("a", { href: term.page, text: "Glossary page" })])]),
    origin ? el("p", { class: "muted", text: origin }) : null,
    related && related.length ? el("h3", { class: "visually-hidden", text: "Related terms" }) : null,
    related ? buttons(related) : null,
    alternatives && alternatives.length ? el("p", { class: "muted", text: "Or did you mean:" }) : null,
    alternatives ? buttons(alternatives) : null,
    el("div", { class: "buttons" }, [actionButton("Helpful", "alignbot.helpful", term.slug), actionButton("Not helpful", "alignbot.not_helpful", term.slug),
      origin ? actionButton("Edit", "alignbot.edit_term", term.slug) : null]),
  ]);

  const render = reply => {
    switch (reply.kind) {
      case "term": return termCard(reply.term, reply.related, reply.correctedFrom, reply.alternatives, reply.origin);
      case "comparison": return el("div", { class: "card" }, [
        el("h2", { text: reply.title }),
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
        reply.didYouMean.length ? el("p", { text: "Did you mean:" }) : el("p", { class: "muted", text: "Try a search for the words or see what AlignBot knows:" }),
        buttons(reply.didYouMean),
        reply.didYouMean.length ? null : el("div", { class: "buttons" }, [askButton(`Search “${reply.query}”`, `search ${reply.query}`), askButton("Help", "help")]),
        el("div", { class: "buttons" }, [actionButton("Suggest this term", "alignbot.suggest", reply.query)]),
      ]);
      case "suggestForm": return suggestForm(reply);
      case "review": return review(reply);
      case "digest": return digest(reply);
      case "help": return el("div", { class: "card" }, [
        el("p", { text: `AlignBot explains ${reply.termCount} AI-alignment terms.` }),
        el("ul", {}, reply.commands.map(c => el("li", {}, [el("code", { text: c.usage }), " — " + c.description]))),
        buttons(reply.examples),
      ]);
      case "notice": return el("div", { class: "card", text: reply.text });
      case "greeting": return el("div", { class: "card" }, [el("p", { text: reply.text }), buttons(reply.examples)]);
      default: return el("div", { class: "card", text: "Sorry, I can't show that here." });
    }
  };

  // Scrollable, so reachable from the keyboard (tabindex) and named for screen readers.
  const jsonBlock = (title, value) => el("details", { class: "json", open: "" }, [el("summary", { text: title }),
    el("pre", { tabindex: "0", role: "region", "aria-label": title + " JSON", text: JSON.stringify(value, null, 2) })]);

  const who = name => el("span", { class: "visually-hidden", text: name + ": " });

  const problem = async response => {
    try { const data = await response.json(); return data.detail || data.title || `error ${response.status}`; } catch { return `error ${response.status}`; }
  };

  // The answer goes into a pending item that says a reply is on its way (status for screen readers, dots on screen).
  async function send(message, shown) {
    log.append(el("li", { class: "me" }, [who("You"), shown || "(empty message)"]));
    const waiting = el("p", { class: "pending", text: "AlignBot is answering…" });
    const item = el("li", { class: "bot", "aria-busy": "true" }, [who("AlignBot"), waiting]);
    log.append(item);
    status.textContent = "AlignBot is answering…";
    item.scrollIntoView({ block: "nearest" });
    try {
      const response = await fetch("/playground/messages", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(message) });
      if (!response.ok) throw new Error(await problem(response));
      const data = await response.json();
      item.append(render(data.reply), jsonBlock("Block Kit (Slack)", data.slack), jsonBlock("Adaptive Card (Teams)", data.teams));
    } catch (error) {
      item.append(el("div", { class: "card error", text: "AlignBot did not answer: " + error.message }));
    }
    waiting.remove();
    item.removeAttribute("aria-busy");
    status.textContent = "";
    item.scrollIntoView({ block: "nearest" });
  }

  // An empty message is sent too: AlignBot answers it with help, as on Slack and Teams.
  form.addEventListener("submit", event => {
    event.preventDefault();
    const text = input.value.trim();
    input.value = "";
    send({ text }, text);
  });
  for (const example of document.querySelectorAll("[data-ask]"))
    example.addEventListener("click", () => send({ text: example.dataset.ask }, example.dataset.ask));
  showJson.addEventListener("change", () => document.body.classList.toggle("show-json", showJson.checked));
  input.focus();
})();
