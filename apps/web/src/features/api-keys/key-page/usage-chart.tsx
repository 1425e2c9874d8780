import { useState } from 'react';
import type { UsageResponse } from '@keyward/contract';

type Day = UsageResponse['days'][number];

/** The verdict codes of a denial, in the console's words (PRODUCT.md §4). */
export const DENIAL_REASONS: Record<string, string> = {
  NOT_FOUND: 'Unknown key',
  DISABLED: 'Deactivated',
  EXPIRED: 'Expired',
  DISABLED_FOR_INACTIVITY: 'Deactivated for inactivity',
  DISABLED_EXPOSED: 'Deactivated (exposed)',
  IP_DENIED: 'IP address not allowed',
  INSUFFICIENT_PRIVILEGES: 'Missing privilege',
  SEARCH_HUB_MISMATCH: 'Wrong search hub',
  RATE_LIMITED: 'Too many calls',
};

export function denialsOf(day: Day): [string, number][] {
  return Object.entries(day.byCode).filter(([code, n]) => code !== 'VALID' && n > 0);
}

export function reasonLabel(code: string): string {
  return DENIAL_REASONS[code] ?? code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** A round axis maximum (1, 2, 5 × 10ⁿ) at or above the busiest day. */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/** Centred on its day, kept inside the chart near either edge. */
function tooltipPlace(percent: number) {
  const shift = percent > 75 ? '-100%' : percent < 25 ? '0%' : '-50%';
  return { left: `${percent}%`, transform: `translateX(${shift})` };
}

const W = 720;
const H = 220;
const M = { top: 12, right: 8, bottom: 28, left: 44 };

/**
 * Daily allowed and denied calls as stacked bars, with axes (calls, UTC days) and a tooltip per day
 * (hover or keyboard focus). The table beside it carries the same figures for screen readers.
 */
export function UsageChart({ days }: { days: Day[] }) {
  const [active, setActive] = useState<number | null>(null);
  const top = niceMax(Math.max(...days.map((d) => d.allowed + d.denied), 1));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(days.length, 1);
  const y = (n: number) => M.top + plotH - (n / top) * plotH;
  const ticks = [0, top / 4, top / 2, (3 * top) / 4, top];
  const day = active === null ? undefined : days[active];

  return (
    <div className="usage-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label="Calls per day, allowed and denied (each day is focusable; the table below has the same figures)"
        className="usage-svg"
      >
        {ticks.map((t) => (
          <g key={t} className="usage-tick">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {Number.isInteger(t) ? t.toLocaleString('en-US') : ''}
            </text>
          </g>
        ))}
        <text
          className="usage-axis-title"
          transform={`translate(12 ${M.top + plotH / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          Calls
        </text>
        {days.map((d, i) => {
          const x = M.left + i * slot;
          const barW = Math.max(slot - 3, 1);
          const reasons = denialsOf(d)
            .map(([code, n]) => `${n} ${reasonLabel(code).toLowerCase()}`)
            .join(', ');
          const label = `${d.date}: ${d.allowed} allowed, ${d.denied} denied${reasons ? ` (${reasons})` : ''}`;
          return (
            <g
              key={d.date}
              className={`usage-day ${active === i ? 'usage-day-active' : ''}`}
              tabIndex={0}
              role="img"
              aria-label={label}
              onMouseEnter={() => setActive(i)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(i)}
              onBlur={() => setActive(null)}
            >
              <rect className="usage-hit" x={x} y={M.top} width={slot} height={plotH} />
              <rect
                className="usage-allowed"
                x={x + 1}
                y={y(d.allowed)}
                width={barW}
                height={plotH - (y(d.allowed) - M.top)}
              />
              <rect
                className="usage-denied"
                x={x + 1}
                y={y(d.allowed + d.denied)}
                width={barW}
                height={y(d.allowed) - y(d.allowed + d.denied)}
              />
              {(i % 5 === 0 || i === days.length - 1) && (
                <text className="usage-x" x={x + slot / 2} y={H - M.bottom + 16} textAnchor="middle">
                  {d.date.slice(5)}
                </text>
              )}
            </g>
          );
        })}
        <line className="usage-axis" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
        <line className="usage-axis" x1={M.left} x2={M.left} y1={M.top} y2={y(0)} />
      </svg>
      {day && active !== null && (
        <div
          className="usage-tooltip"
          role="tooltip"
          style={tooltipPlace(((M.left + (active + 0.5) * slot) / W) * 100)}
        >
          <strong>{day.date} (UTC)</strong>
          <span>{day.allowed.toLocaleString('en-US')} allowed</span>
          <span>{day.denied.toLocaleString('en-US')} denied</span>
          {denialsOf(day).map(([code, n]) => (
            <span key={code} className="subtle">
              {reasonLabel(code)}: {n.toLocaleString('en-US')}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
