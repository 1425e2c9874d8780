import { z } from 'zod';

// zod compiles object parsers with `new Function` when it can; the console's Content-Security-Policy
// forbids eval (script-src 'self'), and zod's probe for it would be reported as a violation. Imported
// first by main.tsx, before any schema is built.
z.config({ jitless: true });
