// Slack's documented Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks and
// https://docs.slack.dev/reference/block-kit/block-elements), which its TypeScript types cannot express.
// limitProblems(payload) returns one "path: what is wrong" line per breach.

const length = (text) => [...text].length;   // Slack counts characters, not UTF-16 units

export function kindOf(payload) {
  if (Array.isArray(payload)) return "blocks";
  if (payload && (payload.type === "modal" || payload.type === "home")) return "view";
  return "message";
}

export function limitProblems(payload) {
  const problems = [];
  const atMost = (path, text, limit, what) => {
    if (typeof text === "string" && length(text) > limit)
      problems.push(`${path}: ${what} is ${length(text)} characters; Slack allows ${limit}`);
  };
  const count = (path, list, limit, what) => {
    if (Array.isArray(list) && list.length > limit)
      problems.push(`${path}: ${list.length} ${what}; Slack allows ${limit}`);
  };

  const element = (path, e) => {
    if (!e || typeof e !== "object") return;
    atMost(`${path}.action_id`, e.action_id, 255, "action_id");
    if (e.type === "button") {
      atMost(`${path}.text.text`, e.text?.text, 75, "button text");
      atMost(`${path}.value`, e.value, 2000, "button value");
      atMost(`${path}.url`, e.url, 3000, "button url");
    }
    atMost(`${path}.placeholder.text`, e.placeholder?.text, 150, "placeholder");
  };

  const block = (path, b) => {
    if (!b || typeof b !== "object") return;
    atMost(`${path}.block_id`, b.block_id, 255, "block_id");
    switch (b.type) {
      case "section":
        atMost(`${path}.text.text`, b.text?.text, 3000, "section text");
        count(`${path}.fields`, b.fields, 10, "fields");
        (b.fields ?? []).forEach((f, i) => atMost(`${path}.fields[${i}].text`, f?.text, 2000, "field text"));
        element(`${path}.accessory`, b.accessory);
        break;
      case "header":
        atMost(`${path}.text.text`, b.text?.text, 150, "header text");
        break;
      case "actions":
        count(`${path}.elements`, b.elements, 25, "elements in an actions block");
        (b.elements ?? []).forEach((e, i) => element(`${path}.elements[${i}]`, e));
        break;
      case "context":
        count(`${path}.elements`, b.elements, 10, "elements in a context block");
        break;
      case "input":
        element(`${path}.element`, b.element);
        break;
    }
  };

  const blocks = (path, list, limit) => {
    count(path, list, limit, "blocks");
    (list ?? []).forEach((b, i) => block(`${path}[${i}](${b?.type})`, b));
  };

  switch (kindOf(payload)) {
    case "blocks":
      blocks("blocks", payload, 50);
      break;
    case "view":
      blocks("blocks", payload.blocks, 100);
      break;
    case "message":
      if (typeof payload?.text !== "string" || payload.text.trim() === "")
        problems.push("text: a message needs a plain-text \"text\" fallback (notifications and screen readers show it)");
      atMost("text", payload?.text, 40000, "text");
      blocks("blocks", payload?.blocks, 50);
      break;
  }
  return problems;
}
