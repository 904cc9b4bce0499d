import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { FastifyRequest } from 'fastify';
import type { TConfig } from '../config.ts';
import type { TDatabase } from '../db/client.ts';
import { createArchiveGate, type TArchiveGate } from './archive/archive-gate.ts';
import { createAuthz, type TAuthz } from './authz/authz.ts';
import { createBruteForceGuard, type TBruteForceGuard } from './auth/brute-force.ts';
import { createLocalBlobStore, type TBlobStore } from './blob-store/blob-store.ts';
import { createJobs, type TJobs } from './jobs/jobs.ts';
import { redactDeep, redactSecrets } from './log/redact.ts';
import { createMailer, type TMailer } from './mail/mail.ts';
import { loadSigner, type TSigner } from './signing/signing.ts';
import { systemClock, type TClock } from './clock/clock.ts';
import { createCheckpointStore, type TCheckpointStore } from './audit-log/checkpoints.ts';
import { JOB_DEFINITIONS } from '../job-definitions.ts';
import { createPageCache, type TPageCache } from './cache/page-cache.ts';

/** What every module stands on; built once by main.ts, the CLI and the tests. */
export type TPlatform = {
  config: TConfig;
  database: TDatabase;
  db: TDatabase['db'];
  log: Logger;
  authz: TAuthz;
  bruteForce: TBruteForceGuard;
  mailer: TMailer;
  jobs: TJobs;
  blobs: TBlobStore;
  signer: TSigner;
  /** Slots for unpacking uploaded archives (XLSX, DOCX, ZIP): a few at a time per instance. */
  archiveGate: TArchiveGate;
  clock: TClock;
  /** Signed audit checkpoints, kept in the blob store's folder, outside the database. */
  checkpoints: TCheckpointStore;
  /** Register pages keyed by the tenant's audit-chain head: repeat reads skip the page's query. */
  pageCache: TPageCache;
  /** 32 bytes for sealing secrets at rest and signing invitation links. */
  secretKey: Buffer;
};

function loadSecretKey(config: TConfig): Buffer {
  if (config.SECRET_KEY) return createHash('sha256').update(config.SECRET_KEY).digest();
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}

/**
 * Secrets never reach a log line: headers and fields by name (redact paths), bearer tokens inside
 * URLs and texts (invitation and reset links) by shape, on every line whoever writes it.
 */
export function createLogger(config: TConfig, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', '*.password', '*.newPassword', '*.currentPassword', '*.token', '*.mfaCode'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: redactSecrets(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
      },
      formatters: { log: (record) => redactDeep(record) },
      hooks: {
        logMethod(args, method) {
          return method.apply(this, args.map((a) => (typeof a === 'string' ? redactSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export function createPlatform(config: TConfig, database: TDatabase, log: Logger = createLogger(config), opts: { clock?: TClock } = {}): TPlatform {
  const db = database.db;
  const platform: TPlatform = {
    config,
    database,
    db,
    log,
    authz: createAuthz(),
    bruteForce: createBruteForceGuard(db, {
      maxPerAccount: config.LOGIN_MAX_FAILURES,
      maxPerIp: config.LOGIN_IP_MAX_FAILURES,
      windowMinutes: config.LOGIN_WINDOW_MINUTES,
    }),
    mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log, outboxDir: path.join(config.dataDir, 'outbox') }),
    jobs: createJobs(database, log, { workers: config.JOBS_ENABLED, platform: () => platform }),
    blobs: createLocalBlobStore(path.join(config.dataDir, 'blobs'), config.UPLOAD_MAX_MB * 1024 * 1024),
    signer: loadSigner({ dataDir: config.dataDir, privateKeyPem: config.SIGNING_PRIVATE_KEY }),
    archiveGate: createArchiveGate(2),
    secretKey: loadSecretKey(config),
    clock: opts.clock ?? systemClock,
    checkpoints: createCheckpointStore(path.join(config.dataDir, 'blobs', 'audit-checkpoints')),
    pageCache: createPageCache(config.PAGE_CACHE_ENTRIES),
  };
  for (const def of JOB_DEFINITIONS) platform.jobs.register(def);
  return platform;
}
