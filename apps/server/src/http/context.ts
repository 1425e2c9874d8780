import type { Privilege } from '@keyward/domain';
import type { OrgAccess, OrgAccessLoader, Principal } from './principal.ts';

/** What a request carries from middleware to handler: who calls, and what they may do. Never a bag of services. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal | null;
    orgAccess: OrgAccess;
    /** Set by `authenticate`: how `requires` reads the caller's groups in the route's organization. */
    loadOrgAccess: OrgAccessLoader;
    /** Set by `authenticate`: how `requires` records the privileges a route required of an API key (PRODUCT.md §7). */
    recordKeyPrivileges: (keyId: string, held: readonly Privilege[], required: readonly Privilege[]) => void;
  };
}
