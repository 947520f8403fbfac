// The argmap extension: starts `argmap lsp` as the language server, and shows a
// preview of the map beside the editor (the HTML page of `argmap render -f html`
// when the installed argmap has it, else the SVG from the server's
// `argmap/renderSvg` request), redrawn when the document changes.
"use strict";

const vscode = require("vscode");
const { execFile } = require("child_process");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("argmap").get("server.command", ["argmap", "lsp"]);
  client = new LanguageClient(
    "argmap",
    "argmap",
    { command: command[0], args: command.slice(1) },
    { documentSelector: [{ language: "argmap" }] }
  );
  client.start();
  context.subscriptions.push(vscode.commands.registerCommand("argmap.preview", () => preview(context, command[0])));
}

function preview(context, argmap) {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "argmap") {
    vscode.window.showInformationMessage("Open an .argmap file to preview it.");
    return;
  }
  const doc = editor.document;
  const panel = vscode.window.createWebviewPanel("argmap.preview", `Preview ${doc.fileName.split(/[\\/]/).pop()}`, vscode.ViewColumn.Beside, {
    enableScripts: true,
  });
  const draw = () => render(argmap, doc).then((html) => (panel.webview.html = html));
  draw();
  const changes = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === doc) draw();
  });
  panel.onDidDispose(() => changes.dispose(), null, context.subscriptions);
}

function render(argmap, doc) {
  return new Promise((resolve) => {
    const child = execFile(argmap, ["render", "-f", "html", "-o", "-", "-"], { maxBuffer: 64 << 20 }, (err, stdout) => {
      if (!err && stdout) resolve(stdout);
      else resolve(svgPage(doc));
    });
    child.stdin.end(doc.getText());
  });
}

async function svgPage(doc) {
  try {
    const result = await client.sendRequest("argmap/renderSvg", { uri: doc.uri.toString() });
    return `<!DOCTYPE html><html><body style="background:white">${result.svg}</body></html>`;
  } catch (e) {
    return `<!DOCTYPE html><html><body><p>The map cannot be drawn: ${String(e.message || e).replace(/</g, "&lt;")}</p></body></html>`;
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
