import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TestContext } from './harness.ts';

/** The test's app on a real socket (127.0.0.1, a free port), as main.ts serves it without fast paths. */
export async function listen(ctx: TestContext): Promise<{ port: number; close: () => Promise<void> }> {
  const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
