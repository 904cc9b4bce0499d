import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The browser tests run against the built web app: build it when the sources are newer. */
export function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-web-build.ts')], { cwd: root, stdio: 'inherit' });
}
