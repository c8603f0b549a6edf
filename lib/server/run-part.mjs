// `npm run start:web`, `npm run start:worker`, `npm run migrate`: one part of Switchboard on its own,
// for a process manager or an orchestrator (any number of each against one database). Plain
// JavaScript run by node: it starts the compiled process from `.build/` (made by `npm run build`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const part = process.argv[2];
const root = process.cwd();
const fail = (message) => {
  console.error(`[switchboard] ${message}`);
  process.exit(1);
};

if (!['web', 'worker', 'migrate'].includes(part)) fail(`Unknown part "${part ?? ''}": use web, worker or migrate`);
const required = part === 'migrate' ? ['DATABASE_URL'] : ['DATABASE_URL', 'APP_SECRET'];
const missing = required.filter((k) => !process.env[k]);
if (missing.length) fail(`${missing.join(' and ')} must be set to run the ${part} on its own (see "Running the parts separately" in the README)`);

const built = path.join(root, '.build', `${part}.mjs`);
if (!existsSync(built) || (part === 'web' && !existsSync(path.join(root, '.next', 'BUILD_ID')))) fail('No build found: run `npm run build` first (and again after every update of the sources)');

process.env.NODE_ENV ??= 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
process.env.AUTH_TRUST_HOST ??= 'true'; // as under npm start: trust the Host header unless NEXTAUTH_URL is set
process.env.SB_PROCESS ??= part;

const log = (m) => console.log(`[switchboard] ${m}`);
try {
  if (part !== 'worker') await (await import(pathToFileURL(path.join(root, '.build', 'migrate.mjs')).href)).prepareDatabase(log);
} catch (err) {
  fail(`Start-up failed (migrations): ${err?.message ?? err}`);
}
if (part !== 'migrate') await import(pathToFileURL(built).href);
