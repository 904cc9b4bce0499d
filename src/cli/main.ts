import { parseArgs } from 'node:util';
import { ConfigError } from '../server/config.ts';
import { commands } from './commands.ts';

const HELP = `attest — AI-governance certification platform

Usage: attest <command> [options]

Commands:
  serve                      start the web server (PORT, HOST, DATABASE_URL, ATTEST_DATA_DIR)
  worker                     run background jobs without serving HTTP (pair with JOBS_ENABLED=false on web instances)
  migrate                    apply database migrations and exit
  create-admin --email E     create a platform administrator (asks nothing: --name, --password or ATTEST_ADMIN_PASSWORD)
  seed --demo                create the demo organization "Lumière Crédit" and a demo certification body
  audit verify --tenant ID   check a tenant's audit chain and its signed checkpoints; exit 1 naming the break or truncation
  audit checkpoint [--tenant ID]  sign the current audit chain head(s) now, as the hourly job does
  catalog check [--dir D]    validate the catalog YAML and print the counts; exit 1 with file:line: reason
  verify FILE [--key K]      verify a certificate credential offline (K: JWKS or PEM file, or the issuer's keys URL); exit 1 if tampered or wrong key

Run "attest <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    console.log(HELP);
    return first ? 0 : 1;
  }
  const name = (first === 'audit' || first === 'catalog') && second && !second.startsWith('-') ? `${first} ${second}` : first;
  const cmd = commands[name];
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...cmd.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: Boolean(cmd.positionals), strict: true });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${cmd.help}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(cmd.help);
    return 0;
  }
  return cmd.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
