import type { LoaderFunctionArgs } from 'react-router';
import type { MeResponse } from '@keyward/contract';
import { listApiKeysQueryOptions } from '../features/api-keys/api/list-api-keys.ts';
import { listParamsFrom } from '../features/api-keys/hooks/list-params.ts';
import { consoleAccess } from '../lib/permissions.ts';
import { queryClient } from '../lib/query-client.ts';
import { meQueryOptions, sessionQueryKey } from '../lib/session.ts';

// Route loaders that only start requests: the router calls them as it matches a URL, before the
// pages' code has loaded and before React renders, so the session, the page's chunks and its first
// query travel together instead of one after the other (on the first page, boot.ts has sent them
// even earlier, and these take its responses). They never wait: the pages read the same queries,
// from the cache or still in flight.

/** Everything under `/` needs the session (RequireSession). */
export function prefetchSession(): null {
  void queryClient.prefetchQuery(meQueryOptions);
  return null;
}

/** The API Keys page: the page of the list its URL asks for, unless the session says it can't be viewed. */
export function prefetchApiKeys({ params, request }: LoaderFunctionArgs): null {
  const org = params.org;
  if (!org) return null;
  const me = queryClient.getQueryData<MeResponse>(sessionQueryKey);
  if (me && !consoleAccess(me.organizations.find((o) => o.id === org)).viewKeys) return null;
  void queryClient.prefetchQuery(listApiKeysQueryOptions(org, listParamsFrom(new URL(request.url).searchParams)));
  return null;
}
