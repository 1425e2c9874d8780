import { useUnsavedWork } from '../../../lib/leave-guard.tsx';
import { useState } from 'react';
import type { ApiKey, Group } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useUpdateApiKey } from '../api/update-api-key.ts';
import { AccessLevels } from '../components/access-levels.tsx';
import type { AccessLevel } from '../wizard/wizard-model.ts';

function levelsOf(key: ApiKey): Record<string, AccessLevel> {
  const levels: Record<string, AccessLevel> = {};
  key.groupsThatCanView.forEach((g) => (levels[g.id] = 'VIEW'));
  key.groupsThatCanEdit.forEach((g) => (levels[g.id] = 'EDIT'));
  return levels;
}

function idsAt(levels: Record<string, AccessLevel>, level: AccessLevel) {
  return Object.entries(levels)
    .filter(([, l]) => l === level)
    .map(([id]) => ({ id }));
}

/** Which Custom-access groups can view or edit this key. */
export function AccessTab({
  org,
  apiKey,
  groups,
  canEdit,
}: {
  org: string;
  apiKey: ApiKey;
  groups: Group[] | undefined;
  canEdit: boolean;
}) {
  const initial = levelsOf(apiKey);
  const [levels, setLevels] = useState(initial);
  const [error, setError] = useState<string>();
  const update = useUpdateApiKey(org);
  const toast = useToast();
  const dirty =
    JSON.stringify(
      Object.entries(levels)
        .filter(([, l]) => l !== 'NONE')
        .sort(),
    ) !== JSON.stringify(Object.entries(initial).sort());
  useUnsavedWork(dirty, `the access to “${apiKey.displayName}”`);

  if (!groups) return <LoadingState label="Loading groups" rows={3} />;
  const save = () =>
    update.mutate(
      { key: apiKey, changes: { groupsThatCanView: idsAt(levels, 'VIEW'), groupsThatCanEdit: idsAt(levels, 'EDIT') } },
      {
        onSuccess: () => {
          setError(undefined);
          toast({ tone: 'success', title: 'Access saved', description: apiKey.displayName });
        },
        onError: (e) => {
          setError(errorMessage(e));
          toast({ tone: 'error', title: 'The access was not saved', description: errorMessage(e) });
        },
      },
    );

  return (
    <section className="card card-padded stack" aria-labelledby="access-title">
      <div>
        <h2 id="access-title" className="card-title">
          Access
        </h2>
        <p className="subtle">
          Groups whose API key access is Custom get the level set here; the others keep the level their group gives
          them.
        </p>
      </div>
      <AccessLevels groups={groups} value={levels} onChange={setLevels} error={error} readOnly={!canEdit} />
      {canEdit && (
        <div className="form-actions">
          <Button
            variant="ghost"
            onClick={() => setLevels(initial)}
            disabledReason={dirty ? null : 'Nothing to discard.'}
          >
            Discard changes
          </Button>
          <Button
            variant="primary"
            loading={update.isPending}
            onClick={save}
            disabledReason={dirty ? null : 'Nothing to save yet.'}
          >
            Save
          </Button>
        </div>
      )}
    </section>
  );
}
