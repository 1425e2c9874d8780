import type { ApiKey, UsageResponse } from '@keyward/contract';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { BarChartIcon } from '../../../components/ui/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states.tsx';
import { useApiKeyUsage } from '../api/get-api-key-usage.ts';
import { denialsOf, reasonLabel, UsageChart } from './usage-chart.tsx';

function DenialsByReason({ days }: { days: UsageResponse['days'] }) {
  const totals = new Map<string, number>();
  for (const d of days) for (const [code, n] of denialsOf(d)) totals.set(code, (totals.get(code) ?? 0) + n);
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="denials-title" className="stack-sm">
      <h3 id="denials-title" className="card-subtitle">
        Denied calls by reason
      </h3>
      {rows.length === 0 ? (
        <p className="subtle">No call was denied in the last 30 days.</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Calls</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([code, n]) => (
              <tr key={code}>
                <td>{reasonLabel(code)}</td>
                <td>{n.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Daily allowed / denied calls over 30 days: a chart with axes and tooltips, the denials by reason, and the figures as a table. */
export function UsageTab({ org, apiKey }: { org: string; apiKey: ApiKey }) {
  const usage = useApiKeyUsage(org, apiKey.id, 30);
  if (usage.isPending) return <LoadingState label="Loading usage" rows={3} />;
  if (usage.isError)
    return (
      <ErrorState error={usage.error} title="The usage could not be loaded" onRetry={() => void usage.refetch()} />
    );
  const data = usage.data;
  const total = data?.days.reduce((sum, d) => sum + d.allowed + d.denied, 0) ?? 0;
  if (!data || total === 0) {
    return (
      <section className="card card-padded">
        <EmptyState title="No usage yet" icon={<BarChartIcon size={28} />}>
          <p>
            This key has not been used in the last 30 days. Last used:{' '}
            <DateTime value={data?.lastUsedDate ?? apiKey.lastUsedDate} />.
          </p>
        </EmptyState>
      </section>
    );
  }
  return (
    <section className="card card-padded stack" aria-labelledby="usage-title">
      <div className="row-between">
        <h2 id="usage-title" className="card-title">
          Calls in the last 30 days
        </h2>
        <span className="subtle">
          Last used <DateTime value={data.lastUsedDate} />{' '}
          {data.lastUsedIp && (
            <>
              from <code>{data.lastUsedIp}</code>
            </>
          )}
        </span>
      </div>
      <div className="legend">
        <span className="legend-item">
          <span className="swatch swatch-allowed" aria-hidden="true" /> Allowed
        </span>
        <span className="legend-item">
          <span className="swatch swatch-denied" aria-hidden="true" /> Denied
        </span>
        <span className="subtle">Days in UTC</span>
      </div>
      <UsageChart days={data.days} />
      <DenialsByReason days={data.days} />
      <details>
        <summary>The figures, day by day</summary>
        <table className="table table-compact">
          <caption className="visually-hidden">Daily calls</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Allowed</th>
              <th scope="col">Denied</th>
              <th scope="col">Denied by reason</th>
            </tr>
          </thead>
          <tbody>
            {data.days
              .filter((d) => d.allowed + d.denied > 0)
              .map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td>{d.allowed}</td>
                  <td>{d.denied}</td>
                  <td>
                    {denialsOf(d)
                      .map(([code, n]) => `${reasonLabel(code)}: ${n}`)
                      .join(', ') || '—'}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
