import { Fragment, useState } from 'react';
import type { Group, Member } from '@keyward/contract';
import {
  ChevronDownIcon,
  ChevronRightIcon,
  EditIcon,
  ShieldIcon,
  TrashIcon,
  UsersIcon,
} from '../../../components/ui/icons.tsx';
import { Pill } from '../../../components/ui/pill.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { useGroups } from '../api/list-groups.ts';
import { API_KEY_ACCESS_LABELS } from './access-label.ts';
import { AddMemberDialog } from './add-member-dialog.tsx';
import { DeleteGroupDialog } from './delete-group-dialog.tsx';
import { GroupDialog } from './group-dialog.tsx';
import { GroupMembers } from './group-members.tsx';

/**
 * Groups with their API-key access level and members; a row opens to its members. Editing
 * controls appear only for users who may change groups (Groups Edit).
 */
export function GroupsList({ org, editReason }: { org: string; editReason: string | null }) {
  const groups = useGroups(org);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState<{ group: Group; members: Member[] } | null>(null);
  const [editing, setEditing] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const canEdit = editReason === null;

  if (groups.isPending) return <LoadingState label="Loading groups" rows={4} />;
  if (groups.isError)
    return (
      <ErrorState error={groups.error} title="The groups could not be loaded" onRetry={() => void groups.refetch()} />
    );
  if (groups.data.length === 0) return <EmptyState title="No groups yet" icon={<UsersIcon size={28} />} />;
  const columns = canEdit ? 5 : 4;

  return (
    <>
      <Table label="Groups" className="groups-table table-stack">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">API key access</th>
            <th scope="col">Privileges</th>
            <th scope="col">Members</th>
            {canEdit && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {groups.data.map((group) => {
            const expanded = open === group.id;
            return (
              <Fragment key={group.id}>
                <tr>
                  <td>
                    <button
                      type="button"
                      className="disclosure"
                      aria-expanded={expanded}
                      aria-controls={`members-${group.id}`}
                      onClick={() => setOpen(expanded ? null : group.id)}
                    >
                      {expanded ? <ChevronDownIcon /> : <ChevronRightIcon />}
                      <span className="key-name">{group.displayName}</span>
                    </button>
                    {group.builtIn && (
                      <Pill tone="accent" icon={<ShieldIcon size={12} />}>
                        Built-in
                      </Pill>
                    )}
                  </td>
                  <td data-label="API key access">{API_KEY_ACCESS_LABELS[group.apiKeyAccess]}</td>
                  <td data-label="Privileges">{group.privileges.length}</td>
                  <td data-label="Members">{group.memberCount}</td>
                  {canEdit && (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`Edit ${group.displayName}`}
                        title="Edit"
                        onClick={() => setEditing(group)}
                      >
                        <EditIcon />
                      </button>
                      {!group.builtIn && (
                        <button
                          type="button"
                          className="icon-btn icon-btn-danger"
                          aria-label={`Delete ${group.displayName}`}
                          title="Delete"
                          onClick={() => setDeleting(group)}
                        >
                          <TrashIcon />
                        </button>
                      )}
                    </td>
                  )}
                </tr>
                {expanded && (
                  <tr className="row-detail" id={`members-${group.id}`}>
                    <td colSpan={columns}>
                      <GroupMembers
                        org={org}
                        group={group}
                        canEdit={canEdit}
                        onAdd={(g, members) => setAdding({ group: g, members })}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </Table>
      <AddMemberDialog
        org={org}
        group={adding?.group ?? null}
        currentMembers={adding?.members ?? []}
        onClose={() => setAdding(null)}
      />
      <GroupDialog
        key={editing?.id ?? 'none'}
        org={org}
        group={editing ?? undefined}
        open={editing !== null}
        onOpenChange={(o) => !o && setEditing(null)}
      />
      <DeleteGroupDialog org={org} group={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
