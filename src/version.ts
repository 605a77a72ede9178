import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from './systems';

/** The version of the kz-proactive package (read from its package.json, wherever the package is installed). */
export const VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
).version;
