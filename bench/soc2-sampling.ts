import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_POPULATION_ROWS ?? 1_000_000);

/** A change-ticket population over 2026-01-01 … 2026-06-30, written before any timing starts. */
async function writePopulationCsv(file: string, rows: number) {
  const out = fs.createWriteStream(file);
  const start = Date.UTC(2026, 0, 1);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('Ticket,Closed on,Summary,Amount\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor((i * 181) / rows) * 86_400_000).toISOString().slice(0, 10);
    chunk += `CHG-${String(i + 1).padStart(7, '0')},${day},"Change ${i % 977}, approved by CAB",${(i % 10_000) / 100}\n`;
    if (chunk.length > 1 << 20) { await write(chunk); chunk = ''; }
  }
  await write(chunk);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

/**
 * populationImport1M and sampleDraw1M: a 1,000,000-row CSV population imported through the SOC 2
 * service into the database and the blob store, then a daily control's sample drawn through the
 * service. Both run in a fresh child process so the peak RSS growth is the import's alone (the
 * child samples its RSS every 5 ms and reads getrusage's maxRSS); the child opens the backend's
 * database (PGlite in `dataDir`, or `databaseUrl`), as the certificate-issue scenario does.
 */
export async function soc2SamplingScenario(databaseUrl: string | null, dataDir: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-bench-population-'));
  try {
    const file = path.join(dir, 'population.csv');
    await writePopulationCsv(file, ROWS);
    const fileMb = Math.round((fs.statSync(file).size / 2 ** 20) * 10) / 10;
    const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), ['--expose-gc', path.join(ROOT, 'bench/soc2-sampling-child.ts'), file, dataDir, databaseUrl ?? ''], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    if (code !== 0) throw new Error(`population bench child exited with ${code}`);
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as { importMs: number; peakRssDeltaMb: number; rows: number; drawMs: number; drawSize: number };
    return {
      populationImport1M: { ms: r.importMs, peakRssDeltaMb: r.peakRssDeltaMb, rows: r.rows, fileMb },
      sampleDraw1M: { ms: r.drawMs, size: r.drawSize },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
