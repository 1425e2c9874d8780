import { z } from 'zod';
import { NewPasswordSchema, PrivilegeSchema } from './common.ts';
import { ApiKeyAccessSchema } from './groups.ts';

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** Only presence is checked: a malformed e-mail is just wrong credentials (401). */
export const LoginRequestSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z
  .object({
    accessToken: z.string(),
    /** epoch milliseconds */
    expiresAt: z.number().int(),
    user: UserSchema,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MyOrganizationSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    /** The best access level among the user's groups there: EDIT_ALL > CUSTOM > VIEW_ALL > NONE. */
    apiKeyAccess: ApiKeyAccessSchema,
    /** Effective: the groups' privileges plus those their API-key access implies. */
    privileges: z.array(PrivilegeSchema),
  })
  .meta({ id: 'MyOrganization' });
export type MyOrganization = z.infer<typeof MyOrganizationSchema>;

export const MeResponseSchema = z
  .object({
    user: UserSchema,
    /** Send it as X-CSRF-Token on every mutating request authenticated by the session cookie. */
    csrfToken: z.string(),
    organizations: z.array(MyOrganizationSchema),
    /** Server settings the console's rules depend on. */
    settings: z.object({ allowPrivateIps: z.boolean() }),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const CheckTokenRequestSchema = z.object({ token: z.string().min(1) });
export type CheckTokenRequest = z.infer<typeof CheckTokenRequestSchema>;

/** What @coveo/platform-client's initialize() keeps as `currentUser` (its UserModel, in part). */
export const TokenUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  username: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  provider: z.string(),
});

export const CheckTokenResponseSchema = z
  .object({
    authentication: TokenUserSchema,
    user_name: z.string(),
    /** expiry, epoch seconds (OAuth convention) */
    exp: z.number().int(),
  })
  .meta({ id: 'CheckTokenResponse' });
export type CheckTokenResponse = z.infer<typeof CheckTokenResponseSchema>;

export const MyPrivilegesSchema = z.array(PrivilegeSchema);

/** `PUT /rest/auth/password`: the logged-in user changes their own password. */
export const ChangePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
    newPassword: NewPasswordSchema,
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
