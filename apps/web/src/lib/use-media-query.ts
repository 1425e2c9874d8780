import { useSyncExternalStore } from 'react';

/** Widths the layout changes at (kept in step with the `@media` rules of the styles). */
export const BREAKPOINTS = { wide: 1400, phone: 720 } as const;

export type TableLayout = 'wide' | 'medium' | 'phone';

/** Which set of columns a table shows at a given viewport width. */
export function tableLayoutFor(width: number): TableLayout {
  if (width >= BREAKPOINTS.wide) return 'wide';
  if (width > BREAKPOINTS.phone) return 'medium';
  return 'phone';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The current table layout, following the window's width. */
export function useTableLayout(): TableLayout {
  return useSyncExternalStore(
    subscribe,
    () => tableLayoutFor(window.innerWidth),
    () => 'wide',
  );
}
