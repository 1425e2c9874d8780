import type { Group } from '@keyward/contract';
import { FieldError } from '../../../components/ui/field.tsx';
import type { AccessLevel } from '../wizard/wizard-model.ts';

const FIXED: Record<string, string> = {
  NONE: 'None (group has no API key access)',
  VIEW_ALL: 'View (all API keys)',
  EDIT_ALL: 'Edit (all API keys)',
};

interface AccessLevelsProps {
  groups: Group[];
  value: Record<string, AccessLevel>;
  onChange: (value: Record<string, AccessLevel>) => void;
  error?: string | undefined;
  readOnly?: boolean;
}

/**
 * Which groups can view or edit this key. Only groups with the Custom API-key access take a
 * per-key level; the others have theirs from the group (shown, not editable here).
 */
export function AccessLevels({ groups, value, onChange, error, readOnly }: AccessLevelsProps) {
  const sorted = [...groups].sort(
    (a, b) =>
      Number(b.apiKeyAccess === 'CUSTOM') - Number(a.apiKeyAccess === 'CUSTOM') ||
      a.displayName.localeCompare(b.displayName),
  );
  return (
    <div className="stack-sm">
      <FieldError message={error} />
      <div className="table-wrap">
        <table className="table table-compact" aria-label="Group access levels">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Access level</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((group) => {
              const custom = group.apiKeyAccess === 'CUSTOM';
              return (
                <tr key={group.id}>
                  <th scope="row">
                    <span className="privilege-name">{group.displayName}</span>
                    <span className="privilege-desc">
                      {custom ? 'Custom access: set per key' : 'Access set by the group'}
                    </span>
                  </th>
                  <td>
                    {custom && !readOnly ? (
                      <select
                        className="input select"
                        aria-label={`Access level for ${group.displayName}`}
                        value={value[group.id] ?? 'NONE'}
                        onChange={(e) => onChange({ ...value, [group.id]: e.target.value as AccessLevel })}
                      >
                        <option value="NONE">None</option>
                        <option value="VIEW">View</option>
                        <option value="EDIT">Edit</option>
                      </select>
                    ) : (
                      <span className="muted">
                        {custom
                          ? { NONE: 'None', VIEW: 'View', EDIT: 'Edit' }[value[group.id] ?? 'NONE']
                          : FIXED[group.apiKeyAccess]}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
