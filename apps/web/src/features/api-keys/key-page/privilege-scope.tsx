import { ALL_TARGETS, ALL_TARGETS_LABELS, findCatalogEntry, type Privilege } from '@keyward/domain';
import { AlertTriangleIcon } from '../../../components/ui/icons.tsx';
import '../wizard/push-scope.css';

/** A push privilege's scope: its target, or "All sources" / "All security identity providers" with a warning. */
export function PrivilegeScope({ privilege }: { privilege: Privilege }) {
  const entry = findCatalogEntry(privilege);
  if (!entry?.targetable) return null;
  const field = entry.targetInput ?? 'sourceIds';
  if (privilege.targetId === undefined || privilege.targetId === ALL_TARGETS) {
    return (
      <span className="scope-all" title="This key may push to every one, including those created later.">
        {' '}
        <AlertTriangleIcon size={14} aria-hidden="true" /> {ALL_TARGETS_LABELS[field]}
      </span>
    );
  }
  return <span className="subtle"> ({privilege.targetId})</span>;
}
