#!/usr/bin/env node
// Checks Adaptive Card files as Microsoft Teams would take them, offline.
//
//   node check-cards.mjs [--max-version 1.5] <card.json | folder>...
//
// A file whose text holds "${" is a template: it is expanded with Microsoft's templating library and the
// sample data beside it (NAME.data.json, which must exist), and the expanded card is checked. A card is
// parsed, validated and rendered by the adaptivecards library with Microsoft Teams' host config; any event
// it reports other than a hint is an error. On top of that, what Teams itself requires: version at most
// --max-version (Teams renders up to 1.5), an Action.Submit's data an object (Teams merges inputs into it),
// at most 28 KB, and fallbackText (a warning when missing). Folders are searched for *.json, skipping
// *.data.json and files that are not cards. Prints one line per problem and a summary; exit 1 on errors.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { JSDOM } from "jsdom";

const require = createRequire(import.meta.url);
const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
// Properties the Adaptive Cards schema requires that the library renders around without a word.
const requiredProperty = { TextBlock: "text", Image: "url", FactSet: "facts", Container: "items", ActionSet: "actions", "Action.OpenUrl": "url" };

const args = process.argv.slice(2);
let maxVersionText = "1.5";
const inputs = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === "--max-version") maxVersionText = args[++i] ?? "";
    else inputs.push(args[i]);
}
if (inputs.length === 0 || !/^\d+\.\d+$/.test(maxVersionText)) {
    console.error("usage: node check-cards.mjs [--max-version 1.5] <card.json | folder>...");
    process.exit(2);
}

// The library renders into a browser's DOM and looks its classes up as globals (HTMLButtonElement and
// the like); jsdom provides them and fetches nothing.
const { window } = new JSDOM("<!doctype html><body></body>", { pretendToBeVisual: true });
globalThis.window = window;
for (const name of Object.getOwnPropertyNames(window).filter((n) => !(n in globalThis))) {
    try {
        globalThis[name] = window[name];
    } catch {
        // a few of jsdom's globals are read-only accessors; the library needs none of them
    }
}

// The package's lib/ is ESM without file extensions, which Node cannot load; its UMD bundle loads fine.
const AC = require("adaptivecards/dist/adaptivecards.js");
const { Template } = require("adaptivecards-templating");
const teamsHostConfig = new AC.HostConfig(require("adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json"));
// Markdown is Teams' business; the check only needs the text to reach the DOM.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = window.document.createTextNode(text).textContent;
    result.didProcess = true;
};

const [maxMajor, maxMinor] = maxVersionText.split(".").map(Number);
const maxVersion = new AC.Version(maxMajor, maxMinor);
const advisoryEvents = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

const counts = { checked: 0, errors: 0, warnings: 0 };
const say = (level, file, message) => {
    counts[level === "error" ? "errors" : "warnings"]++;
    console.log(`${level} ${file}: ${message}`);
};

for (const file of inputs.flatMap(cardFiles)) {
    try {
        checkFile(file);
    } catch (e) {
        say("error", file, `the check itself failed: ${e?.stack ?? e}`);
    }
}
console.log(`cards: ${counts.checked} checked, ${counts.errors} errors, ${counts.warnings} warnings`);
process.exit(counts.errors > 0 ? 1 : 0);

function cardFiles(input) {
    if (!fs.existsSync(input)) {
        say("error", input, "no such file or folder");
        return [];
    }
    if (!fs.statSync(input).isDirectory()) return [input];
    return fs.readdirSync(input).sort()
        .filter((name) => name.endsWith(".json") && !name.endsWith(".data.json"))
        .map((name) => path.join(input, name))
        .filter((file) => /"type"\s*:\s*"AdaptiveCard"/.test(fs.readFileSync(file, "utf8")));
}

function readJson(file) {
    return JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}

function checkFile(file) {
    counts.checked++;
    let card;
    try {
        card = readJson(file);
    } catch (e) {
        say("error", file, `not JSON: ${e.message}`);
        return;
    }
    if (card?.type !== "AdaptiveCard") {
        say("error", file, `not an Adaptive Card (type is ${JSON.stringify(card?.type)})`);
        return;
    }
    if (JSON.stringify(card).includes("${")) {
        card = expandTemplate(file, card);
        if (card === undefined) return;
    }
    checkCard(file, card);
}

function expandTemplate(file, template) {
    const dataFile = file.replace(/\.json$/, ".data.json");
    if (!fs.existsSync(dataFile)) {
        say("error", file, `a template needs sample data beside it: ${path.basename(dataFile)} is missing`);
        return undefined;
    }
    let card;
    try {
        card = new Template(template).expand({ $root: readJson(dataFile) });
    } catch (e) {
        say("error", file, `the template does not expand with ${path.basename(dataFile)}: ${e.message}`);
        return undefined;
    }
    const left = JSON.stringify(card).match(/\$\{[^}]*\}/g);
    if (left) say("error", file, `left unexpanded with ${path.basename(dataFile)}: ${[...new Set(left)].join(", ")}`);
    return card;
}

function checkCard(file, card) {
    const version = /^(\d+)\.(\d+)$/.exec(String(card.version ?? ""));
    if (!version) say("error", file, `version ${JSON.stringify(card.version)} is not "major.minor"`);
    else if (new AC.Version(Number(version[1]), Number(version[2])).compareTo(maxVersion) > 0) {
        say("error", file, `version ${card.version} is above ${maxVersionText}, the highest Teams renders`);
    }
    if (!card.fallbackText) say("warning", file, "no fallbackText for clients that cannot show cards");
    const bytes = Buffer.byteLength(JSON.stringify(card));
    if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) say("error", file, `${bytes} bytes; Teams refuses messages over about 28 KB`);
    for (const [where, element] of typed(card, "")) {
        const needs = requiredProperty[element.type];
        if (needs && (element[needs] === undefined || element[needs] === null)) say("error", file, `${where}: ${element.type} needs "${needs}"`);
    }
    for (const [where, action] of typed(card, "").filter(([, value]) => value.type.startsWith("Action."))) {
        if (action.type === "Action.Submit" && action.data !== undefined && (action.data === null || typeof action.data !== "object" || Array.isArray(action.data))) {
            say("error", file, `${where}: an Action.Submit's data must be an object in Teams, which adds the inputs to it`);
        }
    }

    const context = new AC.SerializationContext(maxVersion);
    const parsed = new AC.AdaptiveCard();
    parsed.hostConfig = teamsHostConfig;
    parsed.parse(card, context);
    const events = [];
    for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
    events.push(...parsed.validateProperties().validationEvents);
    const reported = new Set();
    for (const event of events) {
        const line = `adaptivecards ${AC.ValidationEvent[event.event]}: ${event.message}`;
        if (reported.has(line)) continue;
        reported.add(line);
        say(advisoryEvents.has(event.event) ? "warning" : "error", file, line);
    }
    const rendered = parsed.render();
    if (!rendered?.textContent) say("error", file, "renders to nothing with Teams' host config");
}

// Every object with a string type (elements and actions), with its JSON path.
function typed(value, where, found = []) {
    if (Array.isArray(value)) {
        value.forEach((item, i) => typed(item, `${where}/${i}`, found));
    } else if (value !== null && typeof value === "object") {
        if (typeof value.type === "string") found.push([where || "/", value]);
        for (const [key, child] of Object.entries(value)) typed(child, `${where}/${key}`, found);
    }
    return found;
}
