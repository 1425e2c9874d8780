import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';

describe('package entry', () => {
  it.each([
    'PRIVILEGE_CATALOG', 'privilegeId', 'findCatalogEntry', 'isKnownPrivilege', 'isAssignableToKeys', 'holdsPrivilege', 'holdsAll',
    'assignablePrivileges', 'ALL_CONSOLE_PRIVILEGES', 'SECURITY_CONTACT_PRIVILEGES', 'TEMPLATES', 'TEMPLATE_IDS', 'getTemplate',
    'isTemplateId', 'parseDuration', 'addDuration', 'durationToMs', 'endOfUtcDay', 'expirationFromLifetime', 'expirationFromDate',
    'isExpired', 'addYears', 'parseIpEntry', 'validateIpList', 'compileIpRules', 'ipVerdict', 'generateKeyValue', 'parseKeyValue',
    'looksLikeKeyValue', 'maskKeyValue', 'keyIdFrom', 'statusOf', 'inactivityDeadline', 'LIST_STATUS_FILTERS', 'matchesStatusFilter',
    'reactivationVerdict', 'canKeepActive', 'exposureDeactivationDate', 'mergeExposure', 'noticesDue', 'keyAccessOf',
    'CONSOLE_REQUIREMENTS', 'validateKeyRequest', 'validateKeyUpdate', 'rotationPeriodValid',
  ])('exports %s', (name) => {
    expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });
});
