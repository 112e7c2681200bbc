#!/bin/sh
# Installs dependencies when they are missing or older than package-lock.json, so `npm start` and
# `npm test` work on a fresh clone. Runs before node_modules exists, so it is plain sh, not Node.
set -e
cd "$(dirname "$0")/.."
if [ -x node_modules/.bin/astro ] && [ -x node_modules/.bin/node ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
echo "Installing dependencies (npm ci)…"
# The project runs on the Node 22 it installs (the node package); npm itself may run on an older system
# Node, and would then print an EBADENGINE warning for every package that needs Node 22: harmless, so left out.
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 22 ]; then
  echo "(npm runs on Node $(node -v 2>/dev/null); the project installs and runs on its own Node 22, so npm's engine warnings are not shown.)"
  npm ci --no-audit --no-fund --loglevel=error
else
  npm ci --no-audit --no-fund
fi
