import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Checkbox } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useChangeApiKeys } from '../api/change-api-keys.ts';
import type { ApiKey } from '@keyward/contract';
import { activateBlockedReason, deactivateBlockedReason, editBlockedReason } from '../key-state.ts';

export interface KeyActionRequest {
  kind: 'disable' | 'activate' | 'delete';
  keys: ApiKey[];
}

interface KeyActionDialogsProps {
  org: string;
  request: KeyActionRequest | null;
  onClose: () => void;
  onDone?: (request: KeyActionRequest) => void;
}

function subject(keys: ApiKey[]): string {
  return keys.length === 1 ? `“${keys[0]?.displayName ?? ''}”` : `${keys.length} API keys`;
}

function NameList({ keys }: { keys: ApiKey[] }) {
  if (keys.length < 2) return null;
  return (
    <ul className="name-list">
      {keys.map((k) => (
        <li key={k.id}>{k.displayName}</li>
      ))}
    </ul>
  );
}

/** Confirmations for Deactivate (with I understand for Custom keys), Activate and Delete, one key or many. */
export function KeyActionDialogs({ org, request, onClose, onDone }: KeyActionDialogsProps) {
  const change = useChangeApiKeys(org);
  const toast = useToast();
  const [understood, setUnderstood] = useState(false);
  if (!request) return null;

  const targets =
    request.kind === 'disable'
      ? request.keys.filter((k) => deactivateBlockedReason(k) === null)
      : request.kind === 'activate'
        ? request.keys.filter((k) => activateBlockedReason(k) === null)
        : request.keys.filter((k) => editBlockedReason(k) === null);
  const skipped = request.keys.length - targets.length;
  const needsUnderstanding = request.kind === 'disable' && targets.some((k) => k.disableNeedsConfirmation);

  const close = () => {
    setUnderstood(false);
    onClose();
  };
  const run = () => {
    change.mutate(
      { change: request.kind, ids: targets.map((k) => k.id) },
      {
        onSuccess: () => {
          const verb = { disable: 'deactivated', activate: 'activated', delete: 'deleted' }[request.kind];
          toast({
            tone: 'success',
            title: `${targets.length === 1 ? 'API key' : `${targets.length} API keys`} ${verb}`,
            description: targets.length === 1 ? targets[0]?.displayName : undefined,
          });
          onDone?.(request);
          close();
        },
        onError: (error) =>
          toast({ tone: 'error', title: 'The change was not made', description: errorMessage(error) }),
      },
    );
  };

  const skippedNote = skipped > 0 && (
    <p className="subtle">
      {skipped} of the selected API keys {skipped === 1 ? 'is' : 'are'} left as {skipped === 1 ? 'it is' : 'they are'}:
      the action does not apply to {skipped === 1 ? 'it' : 'them'}.
    </p>
  );

  if (request.kind === 'delete') {
    return (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && close()}
        title={`Delete ${subject(targets)}?`}
        description={
          <p>
            Deleting {subject(targets)} can't be undone. Any application using{' '}
            {targets.length === 1 ? 'this key' : 'these keys'} will stop working immediately.{' '}
            {targets.length === 1
              ? "Confirm with the key's stakeholders that it is no longer in use."
              : `Confirm with the stakeholders of these ${targets.length} keys that they are no longer in use.`}
          </p>
        }
        confirmLabel={targets.length === 1 ? 'Delete' : `Delete ${targets.length} keys`}
        onConfirm={run}
        pending={change.isPending}
      >
        <NameList keys={targets} />
        {skippedNote}
      </ConfirmDialog>
    );
  }

  if (request.kind === 'activate') {
    return (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && close()}
        title={`Activate ${subject(targets)}?`}
        description={
          <p>
            {targets.length === 1 ? 'The key' : 'The keys'} can be used again immediately, with the same privileges and
            settings.
          </p>
        }
        confirmLabel="Activate"
        tone="primary"
        onConfirm={run}
        pending={change.isPending}
      >
        <NameList keys={targets} />
        {skippedNote}
      </ConfirmDialog>
    );
  }

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && close()}
      title={`Deactivate ${subject(targets)}?`}
      description={
        <p>
          A deactivated key can no longer be used, effective immediately. Its configuration is kept, so you can still
          use it with Create from existing.
        </p>
      }
      confirmLabel="Deactivate"
      onConfirm={run}
      pending={change.isPending}
      blockedReason={needsUnderstanding && !understood ? 'Check I understand to deactivate a Custom API key.' : null}
    >
      <NameList keys={targets} />
      {skippedNote}
      {needsUnderstanding && (
        <div className="callout callout-warning stack-sm">
          <p>
            <strong>Custom API keys can't be reactivated.</strong> Once deactivated, you will have to create a new key
            to restore access.
          </p>
          <Checkbox label="I understand" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        </div>
      )}
    </ConfirmDialog>
  );
}
