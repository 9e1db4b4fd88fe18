// Checks Slack payloads (JSON files) two ways: each is compiled as a typed value with the TypeScript compiler in
// strict mode against Slack's own types (payload-types.ts), and measured against Slack's documented limits.
// Usage: node src/check-blockkit.mjs FILE.json...   Exit 0 when every file passes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { kindOf, limitProblems } from "./slack-limits.mjs";

const ts = createRequire(import.meta.url)("typescript");
const here = path.dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: check-blockkit FILE.json...");
  process.exit(2);
}

const typeOf = { blocks: "Blocks", view: null, message: "MessagePayload" };
const problems = new Map(files.map((file) => [file, []]));   // per file, printed in the order given
const report = (file, problem) => problems.get(file).push(problem);
const sources = new Map();   // virtual .ts file → { json file, source text }

files.forEach((file, i) => {
  let payload;
  try {
    payload = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    report(file, `not readable JSON: ${error.message}`);
    return;
  }
  for (const problem of limitProblems(payload)) report(file, problem);
  const kind = kindOf(payload);
  const type = typeOf[kind] ?? (payload.type === "home" ? "HomeView" : "ModalView");
  const text = `import type { ${type} } from "./payload-types";\n` +
    `export const payload: ${type} = ${JSON.stringify(payload, null, 2)};\n`;
  sources.set(path.join(here, `payload-${i}.ts`), { file, text });
});

const options = {
  strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10, types: [], skipLibCheck: true,
};
const host = ts.createCompilerHost(options);
const readFile = host.readFile.bind(host), fileExists = host.fileExists.bind(host), getSourceFile = host.getSourceFile.bind(host);
host.readFile = (name) => sources.get(name)?.text ?? readFile(name);
host.fileExists = (name) => sources.has(name) || fileExists(name);
host.getSourceFile = (name, version, ...rest) =>
  sources.has(name) ? ts.createSourceFile(name, sources.get(name).text, version) : getSourceFile(name, version, ...rest);

const program = ts.createProgram([...sources.keys()], options, host);
for (const d of ts.getPreEmitDiagnostics(program)) {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n    ");
  const source = d.file && sources.get(d.file.fileName);
  if (!source) {
    throw new Error(`the checker's own types do not compile: ${d.file?.fileName}: ${message}`);
  }
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  const near = source.text.split("\n")[line].trim();
  report(source.file, `Slack's types refuse ${near ? `\`${near}\`` : "the payload"}:\n    ${message}`);
}

const failing = [...problems].filter(([, list]) => list.length > 0);
for (const [file, list] of failing) for (const problem of list) console.log(`${file}: ${problem}`);
console.log(failing.length
  ? `check-blockkit: ${failing.length} of ${files.length} file(s) fail`
  : `check-blockkit: ${files.length} file(s) pass`);
process.exit(failing.length ? 1 : 0);
