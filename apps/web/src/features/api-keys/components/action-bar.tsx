import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { DuplicateIcon, EditIcon, MoreIcon, PlusIcon, PowerIcon, TrashIcon } from '../../../components/ui/icons.tsx';
import { Menu, MenuItem } from '../../../components/ui/menu.tsx';
import type { ConsoleAccess } from '../../../lib/permissions.ts';
import { paths } from '../../../lib/use-org-id.ts';
import type { ApiKey } from '@keyward/contract';
import { activateBlockedReason, deactivateBlockedReason, editBlockedReason } from '../key-state.ts';
import type { KeyActionRequest } from './key-action-dialogs.tsx';

interface ActionBarProps {
  org: string;
  access: ConsoleAccess;
  selection: ApiKey[];
  onAction: (request: KeyActionRequest) => void;
  onClearSelection: () => void;
}

function selectOne(selection: ApiKey[], verb: string): string | null {
  if (selection.length === 0) return `Select an API key to ${verb}.`;
  if (selection.length > 1) return `Select only one API key to ${verb}.`;
  return null;
}

function groupReason(selection: ApiKey[], blocked: (key: ApiKey) => string | null, none: string): string | null {
  if (selection.length === 0) return 'Select one or more API keys.';
  if (selection.length === 1) return blocked(selection[0] as ApiKey);
  return selection.some((k) => blocked(k) === null) ? null : none;
}

/**
 * The action bar above the table, reacting to the selection. A view-only user sees no editing
 * control; otherwise unavailable actions stay visible, disabled, with the reason as a tooltip.
 */
export function ActionBar({ org, access, selection, onAction, onClearSelection }: ActionBarProps) {
  const navigate = useNavigate();
  if (!access.canEditKeys) return null;

  const only = selection.length === 1 ? selection[0] : undefined;
  const editReason = selectOne(selection, 'edit') ?? (only ? editBlockedReason(only) : null);
  const duplicateReason = access.createKeysReason ?? selectOne(selection, 'copy');
  const deactivateReason = groupReason(
    selection,
    (k) => deactivateBlockedReason(k),
    'The selected API keys are already deactivated.',
  );
  const activateReason = groupReason(
    selection,
    (k) => activateBlockedReason(k),
    'None of the selected API keys can be reactivated.',
  );
  const deleteReason = groupReason(
    selection,
    editBlockedReason,
    'You can view the selected API keys but not delete them.',
  );

  return (
    <div className="action-bar" role="toolbar" aria-label="API key actions">
      <Button
        variant="primary"
        icon={<PlusIcon />}
        disabledReason={access.createKeysReason}
        onClick={() => void navigate(paths.newApiKey(org))}
      >
        Add key
      </Button>
      <span className="action-bar-divider" aria-hidden="true" />
      <Button
        icon={<EditIcon />}
        disabledReason={editReason}
        onClick={() => only && void navigate(paths.apiKey(org, only.id))}
      >
        Edit
      </Button>
      <Button
        icon={<DuplicateIcon />}
        disabledReason={duplicateReason}
        onClick={() => only && void navigate(paths.newApiKey(org, only.id))}
      >
        Create from existing
      </Button>
      {selection.length === 0 ? (
        <Button icon={<MoreIcon />} disabledReason="Select one or more API keys.">
          More
        </Button>
      ) : (
        <Menu label="More actions" trigger={<Button icon={<MoreIcon />}>More</Button>}>
          <MenuItem
            icon={<PowerIcon />}
            disabledReason={deactivateReason}
            onSelect={() => onAction({ kind: 'disable', keys: selection })}
          >
            Deactivate
          </MenuItem>
          <MenuItem
            icon={<PowerIcon />}
            disabledReason={activateReason}
            onSelect={() => onAction({ kind: 'activate', keys: selection })}
          >
            Activate
          </MenuItem>
        </Menu>
      )}
      <Button
        icon={<TrashIcon />}
        disabledReason={deleteReason}
        onClick={() => onAction({ kind: 'delete', keys: selection })}
      >
        Delete
      </Button>
      {selection.length > 0 && (
        <span className="action-bar-selection" aria-live="polite">
          {selection.length} selected
          <button type="button" className="link-btn" onClick={onClearSelection}>
            Clear selection
          </button>
        </span>
      )}
    </div>
  );
}
