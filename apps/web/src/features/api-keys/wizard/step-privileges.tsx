import { useFormContext, useWatch } from 'react-hook-form';
import {
  PRIVILEGE_CATALOG,
  entryPrivileges,
  findCatalogEntry,
  keyTypesOf,
  parsePrivilegeId,
  potentPrivilegesIn,
  privilegeId,
  privilegeLevelLabel,
  type CatalogEntry,
  type Privilege,
  type PrivilegeService,
} from '@keyward/domain';
import { FieldError, TextField } from '../../../components/ui/field.tsx';
import { LockIcon } from '../../../components/ui/icons.tsx';
import type { WizardValues } from './wizard-model.ts';

const CONSOLE_ONLY = 'An API key can never view or edit API keys, groups or activities.';

/** Why a catalog domain can't be granted to a Custom key, or null when it can. */
function blockedReason(entry: CatalogEntry): string | null {
  if (!entry.assignableToKeys) return CONSOLE_ONLY;
  return entry.forbiddenInCustomReason ?? null;
}

function byService(): [PrivilegeService, CatalogEntry[]][] {
  const groups = new Map<PrivilegeService, CatalogEntry[]>();
  for (const entry of PRIVILEGE_CATALOG) groups.set(entry.service, [...(groups.get(entry.service) ?? []), entry]);
  return [...groups.entries()];
}

function PrivilegeRow({
  entry,
  chosen,
  onToggle,
}: {
  entry: CatalogEntry;
  chosen: string[];
  onToggle: (id: string, on: boolean) => void;
}) {
  const reason = blockedReason(entry);
  const types = reason ? entry.types : keyTypesOf(entry);
  const privileges = entryPrivileges(entry, types);
  const reasonId = `priv-${entry.owner}-${entry.targetDomain}-reason`;
  return (
    <tr className={reason ? 'row-disabled' : undefined}>
      <th scope="row">
        <span className="privilege-name">{entry.label}</span>
        <span className="privilege-desc">{entry.description}</span>
        {reason && (
          <span className="privilege-reason" id={reasonId}>
            <LockIcon size={12} /> {reason}
          </span>
        )}
      </th>
      <td>
        <div className="privilege-levels">
          {privileges.map((p) => {
            const id = privilegeId(p);
            return (
              <label key={id} className="checkbox-inline">
                <input
                  type="checkbox"
                  checked={!reason && chosen.includes(id)}
                  disabled={Boolean(reason)}
                  aria-label={`${entry.label}: ${privilegeLevelLabel(p)}`}
                  aria-describedby={reason ? reasonId : undefined}
                  onChange={(e) => onToggle(id, e.target.checked)}
                />
                <span aria-hidden="true">{privilegeLevelLabel(p)}</span>
              </label>
            );
          })}
        </div>
      </td>
    </tr>
  );
}

/**
 * The seeds' "Limit the API key scope" section, at the bottom of the privileges once an especially
 * potent search privilege is chosen: the key must then enforce a search hub.
 */
function LimitScope({ chosen }: { chosen: string[] }) {
  const { register, formState } = useFormContext<WizardValues>();
  const potent = potentPrivilegesIn(chosen.map(parsePrivilegeId).filter((p): p is Privilege => p !== null));
  if (potent.length === 0) return null;
  const names = [...new Set(potent.map((p) => findCatalogEntry(p)?.label ?? p.targetDomain))].join(', ');
  return (
    <section className="limit-scope" aria-labelledby="limit-scope-title">
      <h3 id="limit-scope-title">Limit the API key scope</h3>
      <p>
        You've selected privileges that are especially potent ({names}): should the key be disclosed, they could be
        misused to access your content or bypass the permission system. Select a search hub to limit the scope of the
        key.
      </p>
      <TextField
        label="Search hub"
        required
        autoComplete="off"
        error={formState.errors.searchHub?.message}
        hint="Every query made with this key enforces this search hub."
        {...register('searchHub')}
      />
    </section>
  );
}

/** Custom only: the catalog grouped by service; privileges a Custom key can't hold are shown disabled, with why. */
export function StepPrivileges() {
  const { control, setValue, formState } = useFormContext<WizardValues>();
  const chosen = useWatch({ control, name: 'privileges' });
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...new Set([...chosen, id])] : chosen.filter((c) => c !== id);
    setValue('privileges', next, { shouldDirty: true, shouldValidate: true });
  };

  return (
    <div className="stack">
      <p className="step-intro">
        Apply the principle of least privilege: grant only what the key's single purpose needs. Execute queries can't be
        combined with any Platform privilege; create two keys instead.
      </p>
      <FieldError message={formState.errors.privileges?.message} />
      <p className="subtle" aria-live="polite">
        {chosen.length === 0
          ? 'No privilege chosen yet.'
          : `${chosen.length} privilege${chosen.length > 1 ? 's' : ''} chosen.`}
      </p>
      {byService().map(([service, entries]) => (
        <section key={service} className="privilege-service" aria-labelledby={`service-${service}`}>
          <h3 id={`service-${service}`}>{service}</h3>
          <table className="table table-compact privilege-table">
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Access level</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <PrivilegeRow
                  key={`${entry.owner}/${entry.targetDomain}`}
                  entry={entry}
                  chosen={chosen}
                  onToggle={toggle}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <LimitScope chosen={chosen} />
    </div>
  );
}
