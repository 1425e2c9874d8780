import { z } from 'zod';

/** The `{org}` of every organization route. */
export const OrgParamsSchema = z.object({ org: z.string().min(1).meta({ description: 'Organization id' }) });
