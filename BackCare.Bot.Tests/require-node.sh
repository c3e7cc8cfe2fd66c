#!/usr/bin/env bash
# usage: require-node.sh FOLDER WHAT
# Exits 1 with one plain line when this machine lacks what FOLDER/package.json's "engines" asks for (Node.js of at
# least that version, and npm), naming WHAT needs it; silent when all is there. The tests make the same check in
# NodeTools/NpmFolder.cs; .ci/run and Playground/run-ci.sh call this one before their npm ci.
set -euo pipefail
folder=$1 what=$2
need=$(grep -o '"node": *">=[0-9.]*"' "$folder/package.json" | head -n 1 | sed 's/.*>=\([0-9.]*\)"/\1/' || true)
[[ -n $need ]] || { echo "require-node.sh: $folder/package.json has no \"engines\": { \"node\": \">=X.Y\" }" >&2; exit 1; }
fail() { echo "$what need Node.js $need or later with npm (see the README's prerequisites); $1." >&2; exit 1; }
command -v node >/dev/null || fail "node is not on PATH"
command -v npm >/dev/null || fail "npm is not on PATH"
node -e '
  const want = process.argv[1].split(".").map(Number), have = process.versions.node.split(".").map(Number);
  for (let i = 0; i < want.length; i++) if (have[i] !== want[i]) process.exit(have[i] > want[i] ? 0 : 1);' "$need" \
  || fail "this machine has Node.js $(node --version | tr -d v)"
