export type ShutdownHook = () => void | Promise<void>;

/**
 * What runs on SIGTERM/SIGINT after the HTTP server stopped and before the database closes:
 * flushing buffered writes, stopping the job loop. Hooks run one at a time, last registered first.
 */
export interface ShutdownHooks {
  onShutdown(hook: ShutdownHook): void;
  run(log: (line: string) => void): Promise<void>;
}

export function createShutdownHooks(): ShutdownHooks {
  const hooks: ShutdownHook[] = [];
  return {
    onShutdown: (hook) => {
      hooks.push(hook);
    },
    run: async (log) => {
      for (const hook of hooks.splice(0).reverse()) {
        try {
          await hook();
        } catch (err) {
          log(`A shutdown step failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        }
      }
    },
  };
}
