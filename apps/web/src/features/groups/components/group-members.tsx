import type { Group, Member } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { PlusIcon } from '../../../components/ui/icons.tsx';
import { ErrorState, Spinner } from '../../../components/ui/states.tsx';
import { useGroupMembers } from '../api/list-group-members.ts';

interface GroupMembersProps {
  org: string;
  group: Group;
  editReason: string | null;
  onAdd: (group: Group, members: Member[]) => void;
}

export function GroupMembers({ org, group, editReason, onAdd }: GroupMembersProps) {
  const members = useGroupMembers(org, group.id);
  if (members.isPending) return <Spinner label="Loading members" />;
  if (members.isError)
    return (
      <ErrorState
        error={members.error}
        title="The members could not be loaded"
        onRetry={() => void members.refetch()}
      />
    );
  return (
    <div className="group-members">
      <div className="row-between">
        <h3 className="subheading">Members of {group.displayName}</h3>
        <Button size="sm" icon={<PlusIcon />} disabledReason={editReason} onClick={() => onAdd(group, members.data)}>
          Add member
        </Button>
      </div>
      {members.data.length === 0 ? (
        <p className="muted">No member yet.</p>
      ) : (
        <ul className="member-list" aria-label={`Members of ${group.displayName}`}>
          {members.data.map((m) => (
            <li key={m.id}>
              <span className="member-name">{m.displayName}</span>
              <span className="muted">{m.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
