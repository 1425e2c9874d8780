import { useCallback, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../../lib/api-client.ts';
import { lookupApiKey } from '../api/lookup-api-key.ts';
import type { LookupState } from './key-lookup-result.tsx';
import type { SearchText } from './key-value-search.ts';

/** A pasted value looked up once, its answer kept in component state only (never the query cache). */
export function useKeyLookup(org: string) {
  const [result, setResult] = useState<LookupState | null>(null);
  const latest = useRef(0);
  const search = useCallback(
    (input: Exclude<SearchText, { kind: 'text' }>) => {
      const id = ++latest.current;
      if (input.kind === 'partial-value') {
        setResult({ state: 'partial', incomplete: input.incomplete });
        return;
      }
      setResult({ state: 'pending' });
      lookupApiKey(org, input.value).then(
        (key) => id === latest.current && setResult({ state: 'found', key }),
        (error: unknown) => {
          if (id !== latest.current) return;
          setResult(isApiError(error, 404) ? { state: 'missing' } : { state: 'error', message: errorMessage(error) });
        },
      );
    },
    [org],
  );
  const clear = useCallback(() => {
    latest.current += 1;
    setResult(null);
  }, []);
  return { result, search, clear };
}
