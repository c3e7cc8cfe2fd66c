#!/usr/bin/env bash
# Applies the mechanical part of the house style (.editorconfig) to the whole solution: whitespace and layout first,
# then every code-style rule the build enforces as a warning that has an automatic fix (braces, var, usings,
# "this.", readonly fields ...). Analyzer findings (CA rules) are never fixed here: they need a person.
# Re-run it after merging a branch formatted before it. A second run changes nothing; with --verify-no-changes it
# only reports. The build enforces the same rules (EnforceCodeStyleInBuild), so a tree that builds needs none of it.
# Usage: bash build/format.sh [--verify-no-changes]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet format whitespace BackCare.Bot.sln "$@"
dotnet format style BackCare.Bot.sln --severity warn "$@"
