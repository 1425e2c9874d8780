import type { Group } from '@keyward/contract';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useDeleteGroup } from '../api/delete-group.ts';
import { deleteGroupConsequences } from './delete-group-text.ts';

export function DeleteGroupDialog({ org, group, onClose }: { org: string; group: Group | null; onClose: () => void }) {
  const remove = useDeleteGroup(org);
  const toast = useToast();
  const consequences = group ? deleteGroupConsequences(group) : [];
  return (
    <ConfirmDialog
      open={group !== null}
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title={`Delete ${group?.displayName ?? 'the group'}?`}
      description={
        consequences.length === 0 ? (
          <p>The group has no member and no access to any API key. This can't be undone.</p>
        ) : (
          <>
            <ul className="bullet-list">
              {consequences.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p>This can't be undone.</p>
          </>
        )
      }
      confirmLabel="Delete group"
      pending={remove.isPending}
      onConfirm={() =>
        group &&
        remove.mutate(group.id, {
          onSuccess: () => {
            toast({ tone: 'success', title: 'Group deleted', description: group.displayName });
            onClose();
          },
        })
      }
    >
      {remove.isError && (
        <Callout tone="danger" title="The group was not deleted">
          {errorMessage(remove.error)}
        </Callout>
      )}
    </ConfirmDialog>
  );
}
