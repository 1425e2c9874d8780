import { z } from 'zod';

export const OrgParamsSchema = z.object({ org: z.string().min(1).meta({ description: 'Organization id' }) });
export const GroupParamsSchema = OrgParamsSchema.extend({ id: z.string().min(1).meta({ description: 'Group id' }) });
export const GroupMemberParamsSchema = GroupParamsSchema.extend({
  userId: z.string().min(1).meta({ description: 'User id, or the e-mail address' }),
});
