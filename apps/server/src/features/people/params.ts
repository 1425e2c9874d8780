import { z } from 'zod';
import { OrgParamsSchema } from '../../http/params.ts';

export const GroupParamsSchema = OrgParamsSchema.extend({ id: z.string().min(1).meta({ description: 'Group id' }) });
export const GroupMemberParamsSchema = GroupParamsSchema.extend({
  userId: z.string().min(1).meta({ description: 'User id, or the e-mail address' }),
});
