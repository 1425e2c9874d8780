import net from 'node:net';

// A TCP proxy in front of PostgreSQL, for faults a real network has: `cut` drops every connection
// and accepts none until `restore`; `silence` makes the connections open now whose startup message
// names `applicationName` go dark without a word: they stay open, but what either side sends is
// dropped (a firewall or NAT that forgot them, a partition), so only a probe can tell.

export interface PgProxy {
  port: number;
  /** Every connection dropped, none accepted until `restore`. */
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  /** Silences the open connections of `applicationName`; answers how many. New connections work. */
  silence: (applicationName: string) => number;
  close: () => Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  /** The client's startup message (it names the application), once seen. */
  startup: string;
}

function silenced(pair: Pair): void {
  for (const s of [pair.client, pair.upstream]) {
    s.unpipe();
    s.removeAllListeners('data');
    s.on('data', () => {}); // read and dropped, so that closing still works
    s.resume();
  }
}

export async function pgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair: Pair = { client, upstream, startup: '' };
    pairs.add(pair);
    client.once('data', (chunk: Buffer) => (pair.startup = chunk.toString('latin1')));
    for (const s of [client, upstream]) s.on('error', () => s.destroy());
    client.pipe(upstream).pipe(client);
    client.on('close', () => {
      upstream.destroy();
      pairs.delete(pair);
    });
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const p of pairs) p.client.destroy();
      }),
    restore: () => listen(port),
    silence: (applicationName) => {
      const named = [...pairs].filter((p) => p.startup.includes(`application_name\0${applicationName}\0`));
      for (const p of named) silenced(p);
      return named.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of pairs) p.client.destroy();
        server.close(() => resolve());
      }),
  };
}
