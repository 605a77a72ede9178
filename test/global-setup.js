// Starts every full test run with an empty .pact-out/, so that pacts:check sees exactly what this run wrote.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function globalSetup() {
  fs.rmSync(path.resolve(__dirname, '..', '.pact-out'), { recursive: true, force: true });
};
