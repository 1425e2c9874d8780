import type { Group } from '@keyward/contract';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useDeleteGroup } from '../api/delete-group.ts';

/** What deleting a group takes with it, in words. */
export function deleteGroupConsequences(group: Pick<Group, 'memberCount' | 'keyGrantCount'>): string[] {
  const lines: string[] = [];
  if (group.memberCount > 0)
    lines.push(
      `Its ${group.memberCount === 1 ? 'member loses' : `${group.memberCount} members lose`} the privileges it gives (the ${group.memberCount === 1 ? 'user stays' : 'users stay'} in the organization).`,
    );
  if (group.keyGrantCount > 0)
    lines.push(
      `It can view or edit ${group.keyGrantCount === 1 ? '1 API key' : `${group.keyGrantCount} API keys`} through their Access settings: ${group.keyGrantCount === 1 ? 'that access is' : 'those accesses are'} removed too.`,
    );
  return lines;
}

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
