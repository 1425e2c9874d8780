import fs from 'node:fs';
import { openDatabase } from '/work/main/apps/server/src/db/database.ts';
import { migrateToLatest } from '/work/main/apps/server/src/db/migrate.ts';
import { listKeys } from '/work/main/apps/server/src/features/api-keys/api-key-list.repository.ts';
import { toDtos } from '/work/main/apps/server/src/features/api-keys/api-keys.service.ts';
import { inactivityDeadline, LIST_STATUS_FILTERS } from '/work/main/packages/domain/src/index.ts';

const file = '/tmp/kw/bench.db';
const fresh = !fs.existsSync(file);
const db = openDatabase(file);
await migrateToLatest(db.db);
const T0 = Date.UTC(2026, 0, 15);
const DAY = 86400000;
if (fresh) {
  await db.db.insertInto('organizations').values({ id: 'org', display_name: 'o', security_contact: 's', created_date: T0 }).execute();
  const ins = db.sqlite.prepare(`insert into api_keys (id, organization_id, display_name, description, value_hash, value_prefix, value_last4, template_id, privacy_level, privileges_json, allowed_ips_json, denied_ips_json, additional_configuration_json, enabled, disabled_reason, disabled_date, created_by, created_date, activation_date, last_used_date, last_used_ip, expiration_date, inactivity_deadline, scheduled_deactivation_date, rotated_to_key_id, exposure_json, exposure_deactivation_date, updated_date) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const priv = JSON.stringify([{ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' }, { owner: 'SEARCH_API', targetDomain: 'EXECUTE_AGENT_QUERY' }, { owner: 'USAGE_ANALYTICS', targetDomain: 'ANALYTICS_DATA', type: 'EDIT' }]);
  db.sqlite.transaction(() => {
    for (let i = 0; i < 100000; i++) {
      const created = T0 - Math.floor(Math.random() * 700 * DAY);
      const lastUsed = Math.random() < 0.5 ? null : created + Math.floor(Math.random() * 300 * DAY);
      const enabled = Math.random() < 0.9 ? 1 : 0;
      const exp = Math.random() < 0.3 ? T0 + Math.floor((Math.random() - 0.3) * 60 * DAY) : null;
      const exposed = Math.random() < 0.01;
      ins.run(`key${String(i).padStart(22, '0')}`, 'org', `Key number ${i} ${Math.random().toString(36).slice(2)}`, 'A description of moderate length for this key', `hash${i}`, 'kwpub_', 'abcd', 'anonymous-search', 'PUBLIC', priv, '[]', '[]', '{"search":{"enforcedQueryPipelineConfiguration":{"searchHub":"main"}}}', enabled, enabled ? null : 'MANUAL', enabled ? null : T0, 'admin@example.com', created, created, lastUsed, null, exp, inactivityDeadline({ activationDate: created, lastUsedDate: lastUsed }), null, null, exposed ? '{"severity":"HIGH","deactivationDate":null,"createdDate":0,"reasons":[]}' : null, null, created);
    }
  })();
  db.sqlite.exec('analyze');
}
const caller = { access: { organizationId: 'org', privileges: [], groups: [{ id: 'g', apiKeyAccess: 'EDIT_ALL' as const }] }, actor: { type: 'USER' as const, id: 'u', displayName: 'u' } };
for (const status of [null, ...LIST_STATUS_FILTERS]) {
  for (const sortBy of ['createdDate', 'displayName', 'lastUsedDate', 'expirationDate', 'status'] as const) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < 30; r++) {
      const t = performance.now();
      const res = await listKeys(db.db, { organizationId: 'org', now: T0, status, text: null, visibleToGroups: null, sortBy, order: 'desc', page: { offset: 50 * (r % 5), limit: 50 } });
      await toDtos(db.db, caller, res.rows, T0);
      total = res.total;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(String(status).padEnd(20), sortBy.padEnd(15), 'total', String(total).padEnd(7), 'p50', times[15]!.toFixed(1), 'p95', times[28]!.toFixed(1));
  }
}
