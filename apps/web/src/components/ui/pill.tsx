import type { ReactNode } from 'react';

export type PillTone = 'success' | 'warning' | 'danger' | 'info' | 'neutral' | 'accent';

/** A status pill: always an icon and text, never colour alone. */
export function Pill({ tone, icon, children }: { tone: PillTone; icon?: ReactNode; children: ReactNode }) {
  return (
    <span className={`pill pill-${tone}`}>
      {icon}
      <span>{children}</span>
    </span>
  );
}
