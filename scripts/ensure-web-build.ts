import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// `npm start` on a fresh clone builds the web app once; later starts reuse dist/web until a web
// source changes — src/shared too, since the web bundles the shared contracts.
const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'dist/web/index.html');
const newestSource = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }, 0);

const WEB_SOURCES = ['src/web', 'src/shared'];
const stale = !fs.existsSync(index) || Math.max(...WEB_SOURCES.map((d) => newestSource(path.join(root, d)))) > fs.statSync(index).mtimeMs;
if (stale) {
  console.log('Building the web app (vite build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
