// Offline checks of the deployment files, run by .ci/run:
//   node check.mjs dockerfile FILE...   lint with dockerfile-utils (every diagnostic is an error, none is waived)
//   node check.mjs kubernetes FILE...   validate every document against the Kubernetes schema of its kind
//                                       (kubernetes-models); kustomization files are checked for their resources
// Exit code 0 when every file passes; each problem is printed as FILE: message.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { validate as lintDockerfile } from "dockerfile-utils";
import { parseAllDocuments } from "yaml";

const [mode, ...files] = process.argv.slice(2);
let problems = 0;
const report = (file, message) => { problems++; console.error(`${file}: ${message}`); };

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module = group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

async function checkKubernetes(file) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const document of documents) {
    if (document.errors.length) { document.errors.forEach(e => report(file, e.message)); continue; }
    const value = document.toJS();
    if (value === null) continue;
    if (value.kind === "Kustomization") {
      for (const resource of value.resources ?? [])
        if (!existsSync(join(dirname(file), resource))) report(file, `resource ${resource} does not exist`);
      continue;
    }
    const Model = await modelFor(value.apiVersion ?? "", value.kind ?? "");
    if (!Model) { report(file, `unknown kind ${value.apiVersion} ${value.kind}`); continue; }
    try {
      new Model(value).validate();
      console.log(`${file}: ${value.kind} ${value.metadata?.name ?? ""} is valid`);
    } catch (error) {
      const details = error.errors?.map(e => `${e.instancePath || "/"} ${e.message}`).join("; ") ?? error.message;
      report(file, `${value.kind} ${value.metadata?.name ?? ""}: ${details}`);
    }
  }
}

function checkDockerfile(file) {
  const diagnostics = lintDockerfile(readFileSync(file, "utf8"));
  for (const d of diagnostics) report(file, `line ${d.range.start.line + 1}: ${d.message}`);
  if (!diagnostics.length) console.log(`${file}: no lint findings`);
}

if (!files.length || !["dockerfile", "kubernetes"].includes(mode)) {
  console.error("usage: node check.mjs dockerfile|kubernetes FILE...");
  process.exit(2);
}
for (const file of files) {
  if (mode === "dockerfile") checkDockerfile(file); else await checkKubernetes(file);
}
process.exit(problems ? 1 : 0);
