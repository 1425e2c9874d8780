import { z } from 'zod';

// zod compiles object parsers with `new Function` when it can; the console's Content-Security-Policy
// forbids eval (script-src 'self'), and zod's probe for it would be reported as a violation. zod is
// loaded only by the lazy pages that use it: vite.config.ts resolves every other `from 'zod'` to this
// module, so the config runs before any schema is built, in whichever chunk comes first.
z.config({ jitless: true });

export * from 'zod';
export { default } from 'zod';
