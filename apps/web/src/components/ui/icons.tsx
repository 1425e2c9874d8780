import type { SVGProps } from 'react';

/** A small inline icon set (stroke icons on a 24px grid); decorative unless given a title. */
type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function make(paths: string[], displayName: string) {
  function Icon({ size = 16, ...rest }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  }
  Icon.displayName = displayName;
  return Icon;
}

export const KeyIcon = make(
  ['M21 2l-2 2m-7.6 7.6a5.5 5.5 0 1 1-7.8 7.8 5.5 5.5 0 0 1 7.8-7.8zm0 0L15.5 7.5m0 0l3 3L22 7l-3-3m-3.5 3.5L19 4'],
  'KeyIcon',
);
export const UsersIcon = make(
  [
    'M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2',
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
    'M23 21v-2a4 4 0 0 0-3-3.87',
    'M16 3.13a4 4 0 0 1 0 7.75',
  ],
  'UsersIcon',
);
export const BellIcon = make(['M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9', 'M13.73 21a2 2 0 0 1-3.46 0'], 'BellIcon');
export const ActivityIcon = make(['M22 12h-4l-3 9L9 3l-3 9H2'], 'ActivityIcon');
export const PlusIcon = make(['M12 5v14', 'M5 12h14'], 'PlusIcon');
export const SearchIcon = make(['M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M21 21l-4.35-4.35'], 'SearchIcon');
export const ChevronDownIcon = make(['M6 9l6 6 6-6'], 'ChevronDownIcon');
export const ChevronRightIcon = make(['M9 18l6-6-6-6'], 'ChevronRightIcon');
export const ArrowUpIcon = make(['M12 19V5', 'M5 12l7-7 7 7'], 'ArrowUpIcon');
export const ArrowDownIcon = make(['M12 5v14', 'M19 12l-7 7-7-7'], 'ArrowDownIcon');
export const SortIcon = make(['M7 15l5 5 5-5', 'M7 9l5-5 5 5'], 'SortIcon');
export const CopyIcon = make(
  [
    'M20 9h-9a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2v-9a2 2 0 0 0-2-2z',
    'M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1',
  ],
  'CopyIcon',
);
export const CheckIcon = make(['M20 6L9 17l-5-5'], 'CheckIcon');
export const CheckCircleIcon = make(['M22 11.08V12a10 10 0 1 1-5.93-9.14', 'M22 4L12 14.01l-3-3'], 'CheckCircleIcon');
export const AlertTriangleIcon = make(
  ['M10.29 3.86L1.82 18a2 2 0 0 0 1.71 3h16.94a2 2 0 0 0 1.71-3L13.71 3.86a2 2 0 0 0-3.42 0z', 'M12 9v4', 'M12 17h.01'],
  'AlertTriangleIcon',
);
export const AlertCircleIcon = make(
  ['M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z', 'M12 8v4', 'M12 16h.01'],
  'AlertCircleIcon',
);
export const XCircleIcon = make(['M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z', 'M15 9l-6 6', 'M9 9l6 6'], 'XCircleIcon');
export const ClockIcon = make(['M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z', 'M12 6v6l4 2'], 'ClockIcon');
export const PauseCircleIcon = make(
  ['M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z', 'M10 15V9', 'M14 15V9'],
  'PauseCircleIcon',
);
export const ShieldAlertIcon = make(
  ['M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z', 'M12 8v4', 'M12 16h.01'],
  'ShieldAlertIcon',
);
export const ShieldIcon = make(['M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z'], 'ShieldIcon');
export const GlobeIcon = make(
  [
    'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z',
    'M2 12h20',
    'M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z',
  ],
  'GlobeIcon',
);
export const LockIcon = make(
  ['M19 11H5a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-7a2 2 0 0 0-2-2z', 'M7 11V7a5 5 0 0 1 10 0v4'],
  'LockIcon',
);
export const MoreIcon = make(
  ['M12 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z', 'M19 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z', 'M5 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z'],
  'MoreIcon',
);
export const TrashIcon = make(
  [
    'M3 6h18',
    'M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6',
    'M10 11v6',
    'M14 11v6',
    'M9 6V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2',
  ],
  'TrashIcon',
);
export const EditIcon = make(['M12 20h9', 'M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4 12.5-12.5z'], 'EditIcon');
export const DuplicateIcon = make(['M8 8h12v12H8z', 'M4 16V4h12'], 'DuplicateIcon');
export const LogOutIcon = make(['M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4', 'M16 17l5-5-5-5', 'M21 12H9'], 'LogOutIcon');
export const XIcon = make(['M18 6L6 18', 'M6 6l12 12'], 'XIcon');
export const RefreshIcon = make(
  ['M23 4v6h-6', 'M1 20v-6h6', 'M3.51 9a9 9 0 0 1 14.85-3.36L23 10', 'M1 14l4.64 4.36A9 9 0 0 0 20.49 15'],
  'RefreshIcon',
);
export const InboxIcon = make(
  [
    'M22 12h-6l-2 3h-4l-2-3H2',
    'M5.45 5.11L2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z',
  ],
  'InboxIcon',
);
export const MailIcon = make(
  ['M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z', 'M22 6l-10 7L2 6'],
  'MailIcon',
);
export const BarChartIcon = make(['M12 20V10', 'M18 20V4', 'M6 20v-4'], 'BarChartIcon');
export const PowerIcon = make(['M18.36 6.64a9 9 0 1 1-12.73 0', 'M12 2v10'], 'PowerIcon');
export const MenuIcon = make(['M3 6h18', 'M3 12h18', 'M3 18h18'], 'MenuIcon');
