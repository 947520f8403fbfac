// Copies every map in the repository's maps/ into tests/maps/ with the header
// that vscode-tmgrammar-test needs, so that the grammar is run on each of them.
"use strict";
const fs = require("fs");
const path = require("path");

const from = path.join(__dirname, "..", "..", "..", "maps");
const to = path.join(__dirname, "maps");
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from).filter((n) => n.endsWith(".argmap"))) {
  const text = fs.readFileSync(path.join(from, name), "utf8");
  fs.writeFileSync(path.join(to, name), `# SYNTAX TEST "source.argmap" "maps/${name}"\n${text}`);
}
