import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = fileURLToPath(new URL('../', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Bundles main.ts and cli.ts the way build.mjs does, into a cache folder under apps/server/node_modules
 * (so npm dependencies resolve), and answers the folder. Spawning the bundle starts in a fraction of
 * the time tsx needs to compile the sources, which keeps these tests fast and steady under load.
 */
export async function bundleEntrypoints(name: string): Promise<string> {
  const outdir = fileURLToPath(new URL(`../node_modules/.cache/keyward-${name}-${process.pid}/`, import.meta.url));
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const external = Object.keys(pkg.dependencies).filter((dep) => !dep.startsWith('@keyward/'));
  await build({
    absWorkingDir: serverDir,
    entryPoints: ['src/main.ts', 'src/cli.ts'],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...external, ...external.map((dep) => `${dep}/*`)],
    logLevel: 'error',
  });
  return outdir;
}

export function removeBundle(outdir: string): void {
  fs.rmSync(outdir, { recursive: true, force: true });
}
