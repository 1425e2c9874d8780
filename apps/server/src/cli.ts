import { parseArgs } from 'node:util';
import { CreateMemberSchema } from '@keyward/contract';
import { systemClock } from './clock.ts';
import { readConfig } from './config.ts';
import { openConfiguredDatabase, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { bootstrap } from './features/people/bootstrap.ts';
import { findGroup, findGroupIdByName, listGroups } from './features/people/groups.repository.ts';
import { createMember } from './features/people/members.service.ts';
import { AppError } from './http/problem.ts';

const USAGE = `Usage: npm run admin -- add-user --email E --password P --group G [--name N] [--org O]

  add-user   creates a user who belongs to group G (its display name or id) of organization O
             (default: KEYWARD_ORG_ID). Uses the same KEYWARD_DB as the server.

Exit codes: 0 done, 1 refused or failed (unknown group, e-mail already used, bad environment), 2 usage error.`;

class UsageError extends Error {}

function addUserArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      group: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const missing = (['email', 'password', 'group'] as const).filter((k) => !values[k]);
  if (missing.length > 0) throw new UsageError(`Missing ${missing.map((k) => `--${k}`).join(', ')}.`);
  return {
    email: values.email ?? '',
    password: values.password ?? '',
    group: values.group ?? '',
    name: values.name,
    org: values.org,
  };
}

async function resolveGroup(db: Db, orgId: string, ref: string): Promise<string> {
  const byId = await findGroup(db, orgId, ref);
  const id = byId?.id ?? (await findGroupIdByName(db, orgId, ref));
  if (id) return id;
  const names = (await listGroups(db, orgId)).map((g) => `"${g.display_name}"`).join(', ');
  throw new AppError(
    'NOT_FOUND',
    `No group "${ref}" in organization "${orgId}". Groups: ${names || 'none (unknown organization?)'}.`,
  );
}

async function addUser(args: string[]): Promise<void> {
  const opts = addUserArgs(args);
  const config = readConfig(process.env);
  const orgId = opts.org ?? config.orgId;
  const db = await openConfiguredDatabase(config);
  try {
    const first = await db.store.locks.exclusive('migrate', async () => {
      await migrateToLatest(db.db);
      return bootstrap(db.db, config, systemClock.now());
    });
    if (first.generatedPassword)
      console.log(`First start: administrator ${config.adminEmail}, password: ${first.generatedPassword} (shown once)`);
    const groupId = await resolveGroup(db.db, orgId, opts.group);
    const parsed = CreateMemberSchema.safeParse({
      email: opts.email,
      password: opts.password,
      displayName: opts.name ?? opts.email.split('@')[0],
      groups: [groupId],
    });
    if (!parsed.success)
      throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
    const member = await createMember(db.db, undefined, orgId, parsed.data, systemClock.now());
    console.log(`Created user ${member.email} (id ${member.id}) in group "${opts.group}" of organization "${orgId}".`);
  } finally {
    await db.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'add-user') throw new UsageError(`Unknown command "${command}".`);
  await addUser(rest);
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`Refused: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
