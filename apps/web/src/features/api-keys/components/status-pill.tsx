import type { ComponentType } from 'react';
import { isUsableStatus, type KeyStatus, type StatusLabel } from '@keyward/domain';
import { Pill, type PillTone } from '../../../components/ui/pill.tsx';
import {
  AlertTriangleIcon,
  CheckCircleIcon,
  ClockIcon,
  PauseCircleIcon,
  ShieldAlertIcon,
  XCircleIcon,
} from '../../../components/ui/icons.tsx';

interface Look {
  label: StatusLabel;
  tone: PillTone;
  icon: ComponentType<{ size?: number }>;
}

// The UI labels of PRODUCT.md §3.3; typed by the domain's KeyStatus so a new status fails to compile.
const LOOKS: Record<KeyStatus, Look> = {
  ENABLED: { label: 'Active', tone: 'success', icon: CheckCircleIcon },
  SOON_TO_BE_EXPIRED: { label: 'Soon to be expired', tone: 'warning', icon: ClockIcon },
  EXPIRED: { label: 'Expired', tone: 'neutral', icon: XCircleIcon },
  SOON_TO_BE_DISABLED: { label: 'Soon to be deactivated', tone: 'warning', icon: AlertTriangleIcon },
  DISABLED_FOR_INACTIVITY: { label: 'Deactivated', tone: 'neutral', icon: PauseCircleIcon },
  DISABLED_EXPOSED: { label: 'Deactivated (exposed)', tone: 'danger', icon: ShieldAlertIcon },
  DISABLED: { label: 'Disabled', tone: 'neutral', icon: PauseCircleIcon },
};

const EXPOSED: Look = { label: 'Exposed', tone: 'danger', icon: ShieldAlertIcon };

export function statusLook(status: KeyStatus, exposed: boolean): Look {
  return isUsableStatus(status) && exposed ? EXPOSED : LOOKS[status];
}

/** `label`: the server's statusLabel when known (the domain's statusOf), else the table above. */
export function StatusPill({ status, exposed, label }: { status: KeyStatus; exposed: boolean; label?: string }) {
  const look = statusLook(status, exposed);
  const Icon = look.icon;
  return (
    <Pill tone={look.tone} icon={<Icon size={13} />}>
      {label ?? look.label}
    </Pill>
  );
}
