import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useOrganization } from './session.ts';

/** "API keys · My organization · Keyward": the page first, so tabs stay told apart when narrow. */
export function pageTitle(parts: readonly (string | undefined | null)[]): string {
  return [...parts.filter((p): p is string => Boolean(p)), 'Keyward'].join(' · ');
}

/** Names the browser tab after the page (and the organization, inside one). */
export function usePageTitle(...page: (string | undefined | null)[]): void {
  const { org } = useParams();
  const organization = useOrganization(org);
  const title = pageTitle([...page, organization?.displayName]);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
