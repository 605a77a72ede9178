#!/usr/bin/env node
// Keeps the committed pacts/ equal to what the consumer tests write to .pact-out/.
//   node scripts/pacts.js check    fails (exit 1) when a test would add, remove or change a pact
//   node scripts/pacts.js update   copies .pact-out/ over pacts/
// Pact files are compared as JSON with interactions sorted by description and state, and with the metadata of the
// writing library left out, so that an upgrade of pact-js alone does not fail CI.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, '.pact-out');
const committed = path.join(root, 'pacts');
const mode = process.argv[2];

const list = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];

function normalise(file) {
  const pact = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete pact.metadata;
  const key = (i) => `${i.description}\u0000${JSON.stringify(i.providerStates ?? i.providerState ?? '')}`;
  pact.interactions = [...(pact.interactions ?? [])].sort((a, b) => key(a).localeCompare(key(b)));
  return JSON.stringify(pact, null, 2);
}

if (mode === 'update') {
  fs.mkdirSync(committed, { recursive: true });
  for (const f of list(committed)) if (!list(out).includes(f)) fs.rmSync(path.join(committed, f));
  for (const f of list(out)) fs.copyFileSync(path.join(out, f), path.join(committed, f));
  console.log(`pacts/: ${list(out).length} pact files`);
} else if (mode === 'check') {
  const problems = [];
  const written = list(out);
  if (written.length === 0)
    problems.push('.pact-out/ is empty: run the consumer tests (npm run test:unit) first');
  for (const f of written) {
    if (!list(committed).includes(f)) problems.push(`new pact not committed: pacts/${f}`);
    else if (normalise(path.join(out, f)) !== normalise(path.join(committed, f)))
      problems.push(`pact changed: pacts/${f}`);
  }
  for (const f of list(committed))
    if (!written.includes(f)) problems.push(`pact no longer written by any test: pacts/${f}`);
  if (problems.length > 0) {
    console.error(
      problems.join('\n') + '\nRun `npm run pacts:update` and commit pacts/ if the change is intended.',
    );
    process.exit(1);
  }
  console.log(`pacts/ is up to date (${written.length} pact files).`);
} else {
  console.error('usage: node scripts/pacts.js check|update');
  process.exit(2);
}
