#!/usr/bin/env node
// Checks Teams app manifests against Microsoft's published JSON schema, offline.
//
//   node check-manifest.mjs <manifest.json | folder holding manifest.json>...
//
// The schema is the one the manifest's "$schema" names (…/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json),
// taken from the copies @microsoft/app-manifest ships (pinned in package-lock.json), never fetched. It is a
// draft-04 schema, applied with ajv as Microsoft's Teams tooling does. Also: manifestVersion must be the
// schema's version, and "version" MAJOR.MINOR.PATCH (the schema only says it is a string of some length).
// Prints one line per problem and a summary; exit 1 on errors.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemaRoot = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
const inputs = process.argv.slice(2);
if (inputs.length === 0) {
    console.error("usage: node check-manifest.mjs <manifest.json | folder holding manifest.json>...");
    process.exit(2);
}

let checked = 0;
let errors = 0;
const error = (file, message) => {
    errors++;
    console.log(`error ${file}: ${message}`);
};

for (const input of inputs) {
    const file = fs.existsSync(input) && fs.statSync(input).isDirectory() ? path.join(input, "manifest.json") : input;
    checked++;
    check(file);
}
console.log(`manifest: ${checked} checked, ${errors} errors`);
process.exit(errors > 0 ? 1 : 0);

function check(file) {
    let manifest;
    try {
        manifest = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    } catch (e) {
        error(file, e.code === "ENOENT" ? "no such file" : `not JSON: ${e.message}`);
        return;
    }
    const version = /\/json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(String(manifest.$schema ?? ""))?.[1];
    if (!version) {
        error(file, `$schema ${JSON.stringify(manifest.$schema)} does not name a Teams manifest schema version`);
        return;
    }
    const schemaFile = path.join(schemaRoot, `v${version}`, "MicrosoftTeams.schema.json");
    if (!fs.existsSync(schemaFile)) {
        const known = fs.readdirSync(schemaRoot).filter((d) => /^v\d/.test(d)).join(", ");
        error(file, `no copy of the v${version} schema in @microsoft/app-manifest (it has ${known})`);
        return;
    }
    if (manifest.manifestVersion !== version) {
        error(file, `manifestVersion ${JSON.stringify(manifest.manifestVersion)} is not ${version}, the version of its $schema`);
    }
    if (typeof manifest.version === "string" && !/^\d+\.\d+\.\d+$/.test(manifest.version)) {
        error(file, `version ${JSON.stringify(manifest.version)} is not MAJOR.MINOR.PATCH`);
    }

    // strict off: Microsoft's schemas use keywords (and formats) that ajv's strict mode rejects as unknown.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8").replace(/^\uFEFF/, "")));
    if (validate(manifest)) return;
    for (const e of validate.errors) {
        const detail = e.keyword === "additionalProperties" ? ` (${e.params.additionalProperty})`
            : e.keyword === "enum" ? ` (${e.params.allowedValues.join(", ")})` : "";
        error(file, `${e.instancePath || "/"}: ${e.message}${detail} [schema v${version}]`);
    }
}
