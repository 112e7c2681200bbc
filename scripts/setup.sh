#!/bin/sh
# Installs dependencies when they are missing or older than package-lock.json, so `npm start` and
# `npm test` work on a fresh clone. Runs before node_modules exists, so it is plain sh, not Node.
set -e
cd "$(dirname "$0")/.."
if [ -x node_modules/.bin/astro ] && [ -x node_modules/.bin/node ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
echo "Installing dependencies (npm ci)…"
npm ci --no-audit --no-fund
