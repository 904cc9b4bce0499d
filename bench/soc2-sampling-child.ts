import fs from 'node:fs';
import { importPopulation } from '../src/server/modules/soc2/sampling/population-import.ts';
import { openPopulationIndex } from '../src/server/modules/soc2/sampling/population-index.ts';
import { sampleSize } from '../src/server/modules/soc2/sampling/sample-size.ts';
import { drawSample } from '../src/server/modules/soc2/sampling/sample-select.ts';

/* Run by bench/soc2-sampling.ts in its own process: prints one JSON line. */
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const file = process.argv[2]!;
const mb = (bytes: number) => bytes / 2 ** 20;

global.gc?.();
await new Promise((r) => setTimeout(r, 100));
const baseline = process.memoryUsage().rss;
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
let sampled = baseline;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 5);
const t0 = performance.now();
const result = await importPopulation(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), {
  format: 'csv',
  mapping: { key: 'Ticket', date: 'Closed on', description: 'Summary', amount: 'Amount' },
  period: { start: '2026-01-01', end: '2026-06-30' },
  limits: { maxRows: 2_000_000, maxBytes: 512 * 2 ** 20 },
});
const importMs = performance.now() - t0;
clearInterval(sampler);
sampled = Math.max(sampled, process.memoryUsage().rss);
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
// getrusage's maxRSS is exact but lifetime-wide: use it only when the import raised it.
const peak = maxRssAfter > maxRssBefore ? Math.max(maxRssAfter, sampled) : sampled;
if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error).slice(0, 500)}`);

// A daily control's sample from the 1M-row index, as the service will do it: open the stored index, size, draw.
const stored = Buffer.from(result.index);
const draws: number[] = [];
let size = 0;
for (let i = 0; i < 6; i++) {
  const t1 = performance.now();
  const index = openPopulationIndex(stored);
  const trace = sampleSize(index.rowCount, { method: 'frequency-table', frequency: 'daily', risk: 'lower', priorFailure: false });
  const draw = drawSample(index, { size: trace.size, seed: `bench-${i}` });
  if (i > 0) draws.push(performance.now() - t1);
  size = draw.items.length;
}
const median = draws.sort((a, b) => a - b)[Math.floor(draws.length / 2)]!;
console.log(JSON.stringify({ importMs: round(importMs), peakRssDeltaMb: round(mb(peak - baseline)), rows: result.stats.rowCount, drawMs: round(median), drawSize: size }));
