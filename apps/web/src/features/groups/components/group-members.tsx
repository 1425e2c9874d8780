import { useState } from 'react';
import type { Group, Member } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { PlusIcon } from '../../../components/ui/icons.tsx';
import { Callout, ErrorState, Spinner } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useGroupMembers } from '../api/list-group-members.ts';
import { useRemoveMember } from '../api/remove-member.ts';

interface GroupMembersProps {
  org: string;
  group: Group;
  canEdit: boolean;
  onAdd: (group: Group, members: Member[]) => void;
}

export function GroupMembers({ org, group, canEdit, onAdd }: GroupMembersProps) {
  const members = useGroupMembers(org, group.id);
  const remove = useRemoveMember(org);
  const toast = useToast();
  const [removing, setRemoving] = useState<Member | null>(null);
  if (members.isPending) return <Spinner label="Loading members" />;
  if (members.isError)
    return (
      <ErrorState
        error={members.error}
        title="The members could not be loaded"
        onRetry={() => void members.refetch()}
      />
    );
  const lastAdministrator = group.builtIn === 'ADMINISTRATORS' && members.data.length <= 1;
  return (
    <div className="group-members">
      <div className="row-between">
        <h3 className="subheading">Members of {group.displayName}</h3>
        {canEdit && (
          <Button size="sm" icon={<PlusIcon />} onClick={() => onAdd(group, members.data)}>
            Add member
          </Button>
        )}
      </div>
      {members.data.length === 0 ? (
        <p className="muted">No member yet.</p>
      ) : (
        <ul className="member-list" aria-label={`Members of ${group.displayName}`}>
          {members.data.map((m) => (
            <li key={m.id}>
              <span className="member-name">{m.displayName}</span>
              <span className="muted">{m.email}</span>
              {canEdit && (
                <Button
                  size="sm"
                  variant="ghost"
                  className="member-remove"
                  aria-label={`Remove ${m.displayName} from ${group.displayName}`}
                  disabledReason={
                    lastAdministrator ? 'The organization needs at least one administrator: add another first.' : null
                  }
                  onClick={() => setRemoving(m)}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            remove.reset();
            setRemoving(null);
          }
        }}
        title={`Remove ${removing?.displayName ?? 'the member'} from ${group.displayName}?`}
        description="They lose the privileges and the API key access this group gives; they stay in the organization and in their other groups."
        confirmLabel="Remove"
        pending={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(
            { groupId: group.id, userId: removing.id },
            {
              onSuccess: () => {
                toast({ tone: 'success', title: 'Member removed', description: removing.displayName });
                setRemoving(null);
              },
            },
          )
        }
      >
        {remove.isError && (
          <Callout tone="danger" title="The member was not removed">
            {errorMessage(remove.error)}
          </Callout>
        )}
      </ConfirmDialog>
    </div>
  );
}
