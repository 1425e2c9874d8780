import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiKey } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { ClockIcon, RefreshIcon } from '../../../components/ui/icons.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/use-org-id.ts';
import { useChangeApiKeys } from '../api/change-api-keys.ts';
import { useApiKey } from '../api/get-api-key.ts';
import { useReplaceApiKey } from '../api/rotate-api-key.ts';
import { isUsable } from '../key-state.ts';
import { gracePeriodsFor } from './grace-periods.ts';
import type { KeyPermissions } from './key-permissions.ts';

function KeyLink({ org, id }: { org: string; id: string }) {
  const other = useApiKey(org, id);
  return <Link to={paths.apiKey(org, id)}>{other.data?.displayName ?? (other.isError ? id : 'the other key')}</Link>;
}

/** Rotation, both directions: the old key names its replacement and the time left, the new one names the old. */
export function RotationLinks({ org, apiKey }: { org: string; apiKey: ApiKey }) {
  const to = apiKey.rotatedToKeyId;
  const from = apiKey.rotatedFromKeyId;
  if (!to && !from) return null;
  const end = apiKey.scheduledDeactivationDate;
  return (
    <Callout tone="info" icon={<RefreshIcon />} title={to ? 'This key was rotated' : 'This key is a replacement'}>
      {to && (
        <p>
          Replaced by <KeyLink org={org} id={to} />.{' '}
          {isUsable(apiKey) && end !== null ? (
            <>
              It keeps working until <DateTime value={end} format="both" tense="future" />, then it is deactivated.
            </>
          ) : (
            'It no longer works: update anything that still uses it.'
          )}
        </p>
      )}
      {from && (
        <p>
          Replaces <KeyLink org={org} id={from} />.
        </p>
      )}
    </Callout>
  );
}

/** Soon to be deactivated: Keep active for a year. Soon to expire: say what to do before then. */
export function LifecycleBanners({ org, apiKey, can }: { org: string; apiKey: ApiKey; can: KeyPermissions }) {
  const change = useChangeApiKeys(org);
  const toast = useToast();
  const { next, soon } = apiKey.timeline;
  if (!next || !soon) return null;
  if (next.kind === 'INACTIVITY') {
    return (
      <Callout tone="warning" icon={<ClockIcon />} title="Soon to be deactivated for inactivity">
        <p>
          This key has not been used for almost a year: it will be deactivated{' '}
          <DateTime value={next.date} tense="future" />.
        </p>
        {can.edit && apiKey.canKeepActive && (
          <Button
            size="sm"
            loading={change.isPending}
            onClick={() =>
              change.mutate(
                { change: 'extend', ids: [apiKey.id] },
                {
                  onSuccess: () =>
                    toast({ tone: 'success', title: 'Kept active for a year', description: apiKey.displayName }),
                  onError: (error) =>
                    toast({ tone: 'error', title: 'The change was not made', description: errorMessage(error) }),
                },
              )
            }
          >
            Keep active for a year
          </Button>
        )}
      </Callout>
    );
  }
  return (
    <Callout tone="warning" icon={<ClockIcon />} title="Soon to be expired">
      <p>
        This key expires <DateTime value={next.date} tense="future" />. An expiration can't be changed: create a new key
        from this one (Create from existing) and switch to it before then.
      </p>
    </Callout>
  );
}

/** After Create from existing (`?replaces=<original>`): offer to retire the original, now or after a grace period. */
export function ReplaceOffer({ org, apiKey }: { org: string; apiKey: ApiKey }) {
  const [params, setParams] = useSearchParams();
  const originalId = params.get('replaces');
  const original = useApiKey(org, originalId ?? undefined);
  const { replace, pending } = useReplaceApiKey(org);
  const toast = useToast();
  const [period, setPeriod] = useState('P1D');
  if (!originalId || !original.data || original.data.access !== 'EDIT') return null;
  const old = original.data;
  if (!isUsable(old) || old.rotatedToKeyId) return null;
  const options = gracePeriodsFor(old.expirationDate, Date.now()).filter((o) => o.ms > 0);
  const forget = () =>
    setParams(
      (p) => {
        const nextParams = new URLSearchParams(p);
        nextParams.delete('replaces');
        return nextParams;
      },
      { replace: true },
    );
  const retire = async (chosen: string) => {
    try {
      await replace(old.id, { replacementKeyId: apiKey.id, previousKeyExpirationPeriod: chosen });
      toast({
        tone: 'success',
        title: chosen === 'PT0S' ? 'Original key deactivated' : 'Original key scheduled for deactivation',
        description: old.displayName,
      });
      forget();
    } catch (error) {
      toast({ tone: 'error', title: 'The original key was not changed', description: errorMessage(error) });
    }
  };
  return (
    <section className="card card-padded replace-offer" aria-labelledby="replace-offer-title">
      <h2 id="replace-offer-title" className="card-title">
        Retire the original key?
      </h2>
      <p>
        “{old.displayName}” still works. Once everything uses this new key, deactivate the original, now or after a
        grace period.
      </p>
      <div className="replace-offer-actions">
        <Button variant="danger" loading={pending} onClick={() => void retire('PT0S')}>
          Deactivate the original now
        </Button>
        {options.length > 0 && (
          <span className="replace-offer-later">
            <label htmlFor="replace-grace" className="field-label">
              Grace period
            </label>
            <select
              id="replace-grace"
              className="input select"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
            >
              {options.map((o) => (
                <option key={o.period} value={o.period}>
                  {o.label}
                </option>
              ))}
            </select>
            <Button loading={pending} onClick={() => void retire(period)}>
              Deactivate after the grace period
            </Button>
          </span>
        )}
        <Button variant="ghost" onClick={forget}>
          Keep both
        </Button>
      </div>
    </section>
  );
}
