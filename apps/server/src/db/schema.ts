import type { Generated, Kysely } from 'kysely';

/** Kysely table types. Dates are epoch milliseconds; JSON columns are TEXT holding JSON. */
export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  access_tokens: AccessTokenTable;
  api_keys: ApiKeyTable;
  api_key_grants: ApiKeyGrantTable;
  api_key_usage_daily: ApiKeyUsageDailyTable;
  api_key_privilege_usage: ApiKeyPrivilegeUsageTable;
  activities: ActivityTable;
  notices_sent: NoticeSentTable;
  outbox: OutboxTable;
  login_failures: LoginFailureTable;
}

export interface OrganizationTable {
  id: string;
  display_name: string;
  security_contact: string;
  created_date: number;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_date: number;
}

export interface GroupTable {
  id: string;
  organization_id: string;
  display_name: string;
  /** nameKey(display_name) from the domain: unique per organization (migration 1201) */
  name_key: string;
  /** NONE | VIEW_ALL | EDIT_ALL | CUSTOM */
  api_key_access: string;
  /** JSON array of Privilege */
  privileges_json: string;
  /** ADMINISTRATORS | SECURITY_CONTACTS | null */
  built_in: string | null;
  created_date: number;
}

export interface GroupMemberTable {
  group_id: string;
  user_id: string;
}

export interface AccessTokenTable {
  /** SHA-256 hex of the token */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_date: number;
  expires_at: number;
}

export interface ApiKeyTable {
  id: string;
  organization_id: string;
  display_name: string;
  /** nameSortKey(display_name) from the domain: what the list sorts names by, bytewise (migration 1301) */
  name_sort: string;
  description: string;
  /** SHA-256 hex of the key value; the value itself is never stored */
  value_hash: string;
  /** kwpub_ | kwprv_ */
  value_prefix: string;
  value_last4: string;
  template_id: string;
  /** PUBLIC | PRIVATE */
  privacy_level: string;
  privileges_json: string;
  allowed_ips_json: string;
  denied_ips_json: string;
  additional_configuration_json: string;
  enabled: number;
  /** MANUAL | INACTIVITY | EXPOSED | ROTATED | null */
  disabled_reason: string | null;
  disabled_date: number | null;
  created_by: string;
  created_date: number;
  activation_date: number;
  last_used_date: number | null;
  last_used_ip: string | null;
  expiration_date: number | null;
  /** max(activation, last used) + 1 year, kept in step so lists and jobs can filter in SQL */
  inactivity_deadline: number;
  /** end of a rotation grace period */
  scheduled_deactivation_date: number | null;
  rotated_to_key_id: string | null;
  /** JSON ExposureReport or null */
  exposure_json: string | null;
  exposure_deactivation_date: number | null;
  updated_date: number;
}

export interface ApiKeyGrantTable {
  api_key_id: string;
  group_id: string;
  /** VIEW | EDIT */
  level: string;
}

export interface ApiKeyUsageDailyTable {
  api_key_id: string;
  /** YYYY-MM-DD (UTC) */
  day: string;
  allowed: number;
  denied: number;
  /** JSON object code -> count */
  by_code_json: string;
}

export interface ActivityTable {
  id: Generated<number>;
  organization_id: string;
  operation: string;
  triggered_by_type: string;
  triggered_by_id: string;
  triggered_by_name: string;
  create_date: number;
  resource_type: string;
  resource_id: string;
  resource_name: string;
  /** ENABLED | DISABLED | DELETED */
  state: string;
  /** JSON: {before, after} of changed fields; never the key value */
  content_json: string;
}

export interface NoticeSentTable {
  /** `${apiKeyId}:${series}:${cycle}:${notice}`: one row per event, ever */
  dedupe_key: string;
  api_key_id: string;
  series: string;
  notice: string;
  /** SENT (queued to the outbox) | SUPERSEDED (a later notice of the series was sent instead) */
  outcome: string;
  created_date: number;
}

export interface OutboxTable {
  id: Generated<number>;
  organization_id: string;
  /** same as notices_sent.dedupe_key for notices: one mail per event */
  dedupe_key: string;
  api_key_id: string | null;
  to_json: string;
  subject: string;
  body_text: string;
  /** PENDING | SENT | HELD (no SMTP configured) */
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_date: number;
  sent_date: number | null;
}

export interface LoginFailureTable {
  /** `email:<lowercased e-mail>` or `address:<caller address>` */
  key: string;
  failures: number;
  /** epoch ms at which the failures are forgotten */
  window_ends: number;
}

/** The least-privilege record (PRODUCT.md §7): one row per key, UTC day and privilege exercised that day. */
export interface ApiKeyPrivilegeUsageTable {
  api_key_id: string;
  /** `owner/domain[:type]@target` (domain's privilegeUsageId) */
  privilege: string;
  /** YYYY-MM-DD (UTC) */
  day: string;
  last_exercised_date: number;
}

/** The kysely handle of the database (either dialect). */
export type Db = Kysely<Database>;
