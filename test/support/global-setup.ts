import type { TestProject } from 'vitest/node';
import { findPgBinary, startCluster, type TCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

let cluster: TCluster | null = null;

/** One PostgreSQL cluster for the whole run; each test file creates its own database in it. */
export async function setup(project: TestProject) {
  const needed = project.config.env?.ATTEST_TEST_DB === 'postgres';
  if (!needed) {
    project.provide('pgUrl', null);
    return;
  }
  if (!findPgBinary('initdb')) {
    if (process.env.CI === 'true') throw new Error('CI=true: the PostgreSQL test run is mandatory, but initdb/postgres were not found.');
    console.warn('PostgreSQL binaries not found: the postgres API tests will be skipped (they are mandatory when CI=true).');
    project.provide('pgUrl', null);
    return;
  }
  cluster = await startCluster();
  project.provide('pgUrl', cluster.url());
}

export async function teardown() {
  await cluster?.stop();
}
