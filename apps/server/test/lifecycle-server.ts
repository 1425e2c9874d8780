import { expect } from 'vitest';
import type { ApiKey, JobRunSummary } from '@keyward/contract';
import { createApp, type App } from '../src/app.ts';
import type { OpenedDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { randomToken, sha256Hex } from '../src/crypto/tokens.ts';
import { TestSmtpServer } from './smtp-server.ts';
import { createTestContext, ORG, type TestContext } from './harness.ts';

export const B = `/rest/organizations/${ORG}/apikeys`;
export const PUBLIC_URL = 'https://keyward.example';
export const SECURITY_CONTACT = 'security@example.com';

type CallOptions = { token?: string; body?: unknown; headers?: Record<string, string> };

/**
 * A server over a temp SQLite file with the manual clock and a real SMTP server on loopback. It
 * can be restarted (app and database closed, then reopened on the same file) like a real one.
 */
export class LifecycleServer {
  app: App;
  db: OpenedDatabase;
  /** The first administrator's bearer token, valid for a century of clock time. */
  readonly token: string;
  private constructor(
    readonly ctx: TestContext,
    readonly smtp: TestSmtpServer,
    token: string,
  ) {
    this.app = ctx.app;
    this.db = ctx.db;
    this.token = token;
  }

  static async start(env: Record<string, string> = {}, smtp?: TestSmtpServer): Promise<LifecycleServer> {
    const server = smtp ?? new TestSmtpServer();
    if (!smtp) await server.start();
    const ctx = await createTestContext({
      KEYWARD_SMTP_URL: server.url,
      KEYWARD_PUBLIC_URL: PUBLIC_URL,
      KEYWARD_SECURITY_CONTACT: SECURITY_CONTACT,
      ...env,
    });
    return new LifecycleServer(ctx, server, await longLivedToken(ctx, ctx.adminId));
  }

  /** A user in a fresh group, with a token that survives clock jumps. */
  async userWith(
    opts: Parameters<TestContext['userWith']>[0],
  ): Promise<{ token: string; userId: string; groupId: string }> {
    const user = await this.ctx.userWith(opts);
    return { ...user, token: await longLivedToken(this.ctx, user.userId) };
  }

  async call(method: string, url: string, opts: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const body =
      opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    return this.app.request(url, { method, headers, ...(body === undefined ? {} : { body }) });
  }

  async json<T>(method: string, url: string, opts: CallOptions = {}, status = 200): Promise<T> {
    const res = await this.call(method, url, opts);
    const text = await res.text();
    expect(res.status, text).toBe(status);
    return (text ? JSON.parse(text) : null) as T;
  }

  async setClock(at: number | string): Promise<void> {
    const iso = typeof at === 'number' ? new Date(at).toISOString() : at;
    await this.json('PUT', '/__test__/clock', { body: { now: iso } });
  }

  async runJobs(): Promise<JobRunSummary> {
    return this.json<JobRunSummary>('POST', '/__test__/jobs/run');
  }

  async createKey(body: Record<string, unknown>, template = 'anonymous-search'): Promise<ApiKey> {
    return this.json<ApiKey>('POST', `${B}?apiKeyTemplateId=${template}`, { token: this.token, body }, 201);
  }

  async getKey(id: string): Promise<ApiKey> {
    return this.json<ApiKey>('GET', `${B}/${id}`, { token: this.token });
  }

  /** Closes the app and the database, then opens both again on the same file (a restart). */
  async restart(): Promise<void> {
    await this.db.close();
    this.db = await this.ctx.database.reopen();
    await migrateToLatest(this.db.db);
    this.app = createApp({ db: this.db, clock: this.ctx.clock, config: this.ctx.config, log: () => {} });
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.smtp.stop();
    await this.ctx.database.dispose();
  }
}

export const at = (iso: string): number => Date.parse(iso);

async function longLivedToken(ctx: TestContext, userId: string): Promise<string> {
  const token = randomToken();
  const now = ctx.clock.now();
  await ctx.db.db
    .insertInto('access_tokens')
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      csrf_token: randomToken(),
      created_date: now,
      expires_at: now + 100 * 365 * 86_400_000,
    })
    .execute();
  return token;
}
