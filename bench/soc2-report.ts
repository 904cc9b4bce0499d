import { renderSoc2ReportPdf, stampSoc2ReaderCopy } from '../src/server/modules/soc2/documents/index.ts';
import { lumiereReportModel } from '../src/server/modules/soc2/documents/soc2-report-fixture.ts';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * soc2ReportType2: a Type II report with 120 controls (41 criteria, two exceptions with
 * responses) from its model to PDF bytes. The SOC 2 tables are not there yet (migration 0032),
 * so the model is built in memory: this measures the rendering, not the database reads, and is
 * the same on both backends. The median of five renderings after one not counted (fonts, warm-up).
 */
export async function soc2ReportScenario() {
  const model = lumiereReportModel('en', { controls: 120 });
  const ms: number[] = [];
  // CPU time too: on a shared, loaded machine the wall clock mostly measures the other processes.
  const cpuMs: number[] = [];
  let pages = 0;
  let pdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    pdf = await renderSoc2ReportPdf(model, 'en');
    const c = process.cpuUsage(c0);
    if (i > 0) {
      ms.push(performance.now() - t0);
      cpuMs.push((c.user + c.system) / 1000);
    }
    pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  }
  const median = (xs: number[]) => round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  // A reader's copy: the issued PDF stamped on every page (no second rendering).
  const stampMs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    stampSoc2ReaderCopy(pdf, 'en', { name: 'Bench Reader', organization: 'Bench Bank' }, new Date());
    if (i > 0) stampMs.push(performance.now() - t0);
  }
  return { soc2ReportType2: { ms: median(ms), cpuMs: median(cpuMs), controls: 120, pages, readerCopyMs: median(stampMs) } };
}
