import path from 'node:path';
import { z } from 'zod';

const ZBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  ATTEST_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 12),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(100).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(5).max(10_000).default(50),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  /** Public quote requests accepted per network address per hour (bot resistance without a third-party service). */
  QUOTE_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Public register reads (search, certificate, credential) answered per network address per minute, per process. */
  REGISTER_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(300),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24 * 7),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(1024),
  /** The largest evidence file accepted (web upload or CI push), in megabytes. */
  EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(200),
  /** The largest SOC 2 population file (CSV or XLSX) and its rows; a million-row CSV is about 60 MB. */
  SOC2_POPULATION_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(256),
  SOC2_POPULATION_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(2_000_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Attest <no-reply@attest.local>'),
  SIGNING_PRIVATE_KEY: z.string().min(40).optional(),
  SECRET_KEY: z.string().min(32).optional(),
  JOBS_ENABLED: ZBool.default(true),
  /** Register pages kept per process (see platform/cache/page-cache.ts); 0 turns the cache off. */
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  TRUST_PROXY: ZBool.default(false),
});
export type TConfigInput = z.input<typeof ZConfig>;
export type TConfig = z.output<typeof ZConfig> & { dataDir: string; secure: boolean };

export class ConfigError extends Error {}

/** Reads the environment once; a wrong value stops start-up with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const picked = Object.fromEntries(
    Object.keys(ZConfig.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = ZConfig.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    dataDir: path.resolve(c.ATTEST_DATA_DIR),
    secure: c.PUBLIC_URL?.startsWith('https://') ?? false,
  };
}
