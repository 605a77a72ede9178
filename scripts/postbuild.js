#!/usr/bin/env node
// Makes the built CLI executable (npm does this on install; a local build needs it too).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
fs.chmodSync(path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'), 0o755);
