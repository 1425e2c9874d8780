import type { ApiKey } from '@keyward/contract';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { BarChartIcon } from '../../../components/ui/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states.tsx';
import { useApiKeyUsage } from '../api/get-api-key-usage.ts';

/** Daily allowed / denied calls over 30 days, as plain bars (no chart library in the bundle). */
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
  const max = Math.max(...data.days.map((d) => d.allowed + d.denied), 1);
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
      </div>
      <div className="bar-chart" role="img" aria-label={`Daily calls: ${total} in total over 30 days`}>
        {data.days.map((d) => (
          <div key={d.date} className="bar" title={`${d.date}: ${d.allowed} allowed, ${d.denied} denied`}>
            <span className="bar-denied" style={{ height: `${(d.denied / max) * 100}%` }} />
            <span className="bar-allowed" style={{ height: `${(d.allowed / max) * 100}%` }} />
          </div>
        ))}
      </div>
      <table className="table table-compact">
        <caption className="visually-hidden">Daily calls</caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Allowed</th>
            <th scope="col">Denied</th>
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
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
