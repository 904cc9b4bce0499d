import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';

/*
 * AIMS lists under load: an organization with 50 AI systems and 500 risks, seeded through the API
 * (the same validation, services and audit events as a user's), then the first page of the
 * inventory and a filtered page of the register, 16 connections, measured like `/api/me`.
 */
export const AIMS_SYSTEMS = 50;
export const AIMS_RISKS = 500;

type TSession = { cookie: string; token: string; tenantId: string };
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function post(base: string, s: TSession, path: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${base}/api/tenants/${s.tenantId}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.token },
    body: JSON.stringify(body),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

const STAGES = ['design', 'development', 'validation', 'deployed'] as const;

export async function seedAims(base: string, s: TSession) {
  const systems: string[] = [];
  for (let i = 0; i < AIMS_SYSTEMS; i++) {
    const sys = await post(base, s, '/ai-systems', {
      name: `Model ${String(i).padStart(2, '0')} — ${['credit scoring', 'fraud detection', 'chatbot', 'document triage', 'churn prediction'][i % 5]}`,
      lifecycleStage: STAGES[i % STAGES.length],
      roles: i % 3 ? ['deployer'] : ['provider', 'deployer'],
      purpose: 'Bench system: scores applications against the lending policy.',
      personalData: true,
      inAimsScope: i % 7 !== 0,
    });
    systems.push(sys.id);
  }
  // Every cell of the 5 × 5 matrix, 20 risks each; every other risk concerns an AI system.
  for (let i = 0; i < AIMS_RISKS; i++) {
    await post(base, s, '/risks', {
      title: `Risk ${String(i).padStart(3, '0')}: ${['drift on new segments', 'biased training data', 'supplier outage', 'prompt injection', 'unclear human oversight'][i % 5]}`,
      source: i % 2 ? 'ai_system' : 'process',
      aiSystemIds: i % 2 ? [systems[i % systems.length]] : [],
      inherentLikelihood: 1 + (i % 5),
      inherentImpact: 1 + (Math.floor(i / 5) % 5),
      treatment: 'mitigate',
      reviewDate: i % 10 ? '2027-06-30' : '2026-01-31',
    });
  }
  return { systems };
}

/** CPU seconds the server process has used (user + system), from /proc: load on other processes does not move it. */
export const serverCpuSeconds = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * CPU seconds a PostgreSQL cluster has used: the postmaster with the children it reaped, and its
 * live children (the backends serving the pool). PostgreSQL runs on the same cores as the server
 * and the load generator, so its cost per request is what a request really asks of the database.
 */
export const postgresCpuSeconds = (postmasterPid: number) => {
  const stat = (pid: number) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const own = stat(postmasterPid);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = stat(Number(entry));
      if (Number(f[1]) === postmasterPid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / 100;
};

/** The postmaster's pid, from the cluster's data directory (the bench starts the cluster itself, as root). */
export async function postmasterPid(databaseUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ data_directory: string }>('SHOW data_directory');
    return Number(fs.readFileSync(`${rows[0]!.data_directory}/postmaster.pid`, 'utf8').split('\n')[0]);
  } finally {
    await c.end();
  }
}

/**
 * Requests per second, p99, and the server's CPU per request: on a shared machine the rate moves
 * with whatever else runs, the CPU a request costs the server much less.
 */
export async function measure(url: string, headers: Record<string, string>, duration: number, pid?: number) {
  const cpu0 = pid ? serverCpuSeconds(pid) : 0;
  const r = await autocannon({ url, connections: 16, duration, headers });
  if (r.non2xx) throw new Error(`${url}: ${r.non2xx} non-2xx answers`);
  const serverCpuUs = pid && r.requests.total ? { serverCpuUsPerRequest: Math.round(((serverCpuSeconds(pid) - cpu0) * 1e6) / r.requests.total) } : {};
  return { rps: round(r.requests.average), p99Ms: r.latency.p99, ...serverCpuUs };
}

export async function loadPage(url: string, cookie: string, duration: number, pid?: number) {
  // Steady state is what a user meets: the seeding's garbage collected, the page cached, the code
  // compiled. Two seconds of the same load first, not counted.
  await autocannon({ url, connections: 16, duration: 2, headers: { cookie } });
  return measure(url, { cookie }, duration, pid);
}

export async function aimsScenario(base: string, s: TSession, duration: number, pid?: number) {
  await seedAims(base, s);
  const aiSystemsList = await loadPage(`${base}/api/tenants/${s.tenantId}/ai-systems?limit=50`, s.cookie, duration, pid);
  // 140 of the 500 are "high" on the default matrix (scores 10 to 16): the first 50 of them.
  const risksList = await loadPage(`${base}/api/tenants/${s.tenantId}/risks?levelOf=inherent&level=high&limit=50`, s.cookie, duration, pid);
  return { aiSystemsList, risksList };
}
