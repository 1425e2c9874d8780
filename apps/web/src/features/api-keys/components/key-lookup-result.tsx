import { Link } from 'react-router';
import './key-lookup.css';
import type { ApiKey } from '@keyward/contract';
import { KEY_LENGTH } from '@keyward/domain';
import { Button } from '../../../components/ui/button.tsx';
import { KeyIcon, XIcon } from '../../../components/ui/icons.tsx';
import { Callout, Spinner } from '../../../components/ui/states.tsx';
import { paths } from '../../../lib/use-org-id.ts';
import { StatusPill } from './status-pill.tsx';
import { MaskedKey } from './masked-key.tsx';
import { isExposed } from '../key-state.ts';

export type LookupState =
  | { state: 'pending' }
  | { state: 'found'; key: ApiKey }
  | { state: 'missing' }
  | { state: 'partial'; incomplete: boolean }
  | { state: 'error'; message: string };

/** The answer to a key value pasted in the search box. */
export function KeyLookupResult({ org, result, onClear }: { org: string; result: LookupState; onClear: () => void }) {
  const clear = (
    <Button size="sm" variant="ghost" icon={<XIcon />} onClick={onClear}>
      Clear
    </Button>
  );
  return (
    <div className="key-lookup" role="status" aria-live="polite">
      {result.state === 'pending' && <Spinner label="Looking for the key with this value" />}
      {result.state === 'found' && (
        <Callout tone="info" icon={<KeyIcon />} title="This value belongs to an API key of this organization">
          <p className="key-lookup-row">
            <Link to={paths.apiKey(org, result.key.id)}>{result.key.displayName}</Link>{' '}
            <StatusPill status={result.key.status} exposed={isExposed(result.key)} label={result.key.statusLabel} />{' '}
            <MaskedKey value={result.key.maskedValue} /> {clear}
          </p>
          <p className="subtle">
            If it leaked, open the key to report the exposure, rotate it or deactivate it. The value was not saved
            anywhere.
          </p>
        </Callout>
      )}
      {result.state === 'missing' && (
        <Callout tone="warning" title="No API key of this organization has this value">
          <p>It may belong to another organization, or the key was deleted. {clear}</p>
        </Callout>
      )}
      {result.state === 'partial' && (
        <Callout
          tone="warning"
          title={
            result.incomplete
              ? 'This looks like an API key value, but it is incomplete'
              : 'This looks like an API key value, but it is not a valid one'
          }
        >
          <p>
            {result.incomplete
              ? `Paste the whole value (${KEY_LENGTH} characters) to find its key.`
              : 'A character is wrong, missing or extra: copy the whole value again.'}{' '}
            It is not searched as text. {clear}
          </p>
        </Callout>
      )}
      {result.state === 'error' && (
        <Callout tone="danger" title="The key could not be looked up">
          <p>
            {result.message} {clear}
          </p>
        </Callout>
      )}
    </div>
  );
}
