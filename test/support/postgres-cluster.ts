import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * A throwaway PostgreSQL cluster from the initdb/postgres binaries on the machine, in a temp
 * folder, on a free port. As root, the server runs as the `postgres` user (it refuses root).
 */
const BIN_DIRS = ['/usr/local/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/local/pgsql/bin'];

export function findPgBinary(name: 'initdb' | 'postgres'): string | null {
  for (const dir of [...(process.env.PG_BIN_DIR ? [process.env.PG_BIN_DIR] : []), ...BIN_DIRS]) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export type TCluster = { url: (db?: string) => string; stop(): Promise<void> };

export async function startCluster(): Promise<TCluster> {
  const initdb = findPgBinary('initdb');
  const postgres = findPgBinary('postgres');
  if (!initdb || !postgres) throw new Error('PostgreSQL binaries (initdb, postgres) not found: install them or set PG_BIN_DIR');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-pg-'));
  const dataDir = path.join(dir, 'data');
  // PostgreSQL refuses to run as root: then it runs as the `postgres` user, spawned directly
  // (not through runuser, which would swallow the shutdown signal).
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot
    ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) }
    : {};
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  execFileSync(initdb, ['-D', dataDir, '-U', 'attest', '--auth=trust', '-E', 'UTF8', '--locale=C', '-N'], { stdio: 'pipe', ...owner });
  const port = await freePort();
  const proc: ChildProcess = spawn(
    postgres,
    ['-D', dataDir, '-p', String(port), '-k', dir, '-h', '127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...owner },
  );
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.end();
        resolve(true);
      });
      sock.on('error', () => resolve(false));
    });
    if (ok && stderr.includes('ready to accept connections')) break;
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: (db = 'postgres') => `postgres://attest@127.0.0.1:${port}/${db}`,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
