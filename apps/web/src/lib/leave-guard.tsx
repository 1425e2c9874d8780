import { useEffect, useId } from 'react';
import { useBlocker, type Location } from 'react-router';
import { ConfirmDialog } from '../components/ui/dialog.tsx';

/**
 * Unsaved work is never lost silently. A page with unsaved work registers it (useUnsavedWork);
 * one host (LeaveGuardHost, in the console frame) asks before an in-app navigation leaves the
 * page, and the browser asks before the tab is closed or reloaded. A router supports one blocker
 * at a time, so there is exactly one, whatever the number of forms on the page.
 */
const unsaved = new Map<string, string>();

/** Pure: does this navigation leave the page (a change of path), rather than move within it? */
export function leavesPage(current: Pick<Location, 'pathname'>, next: Pick<Location, 'pathname'>): boolean {
  return current.pathname !== next.pathname;
}

/** While `dirty`, leaving the page asks first; `what` names the work, e.g. "the new API key". */
export function useUnsavedWork(dirty: boolean, what: string): void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    unsaved.set(id, what);
    return () => {
      unsaved.delete(id);
    };
  }, [dirty, id, what]);
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (unsaved.size === 0) return;
  event.preventDefault();
  // Older browsers show the dialog only when returnValue is set.
  event.returnValue = '';
}

export function LeaveGuardHost() {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved.size > 0 && leavesPage(currentLocation, nextLocation),
  );
  useEffect(() => {
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  const what = [...unsaved.values()][0] ?? 'your changes';
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      onOpenChange={(open) => {
        if (!open && blocker.state === 'blocked') blocker.reset();
      }}
      title="Leave without saving?"
      description={`You have unsaved changes to ${what}. If you leave this page, they are lost.`}
      confirmLabel="Leave"
      cancelLabel="Stay"
      tone="danger"
      onConfirm={() => {
        unsaved.clear();
        if (blocker.state === 'blocked') blocker.proceed();
      }}
    />
  );
}
