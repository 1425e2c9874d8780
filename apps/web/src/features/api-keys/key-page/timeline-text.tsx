import type { ApiKey } from '@keyward/contract';
import { DateTime } from '../../../components/ui/date-time.tsx';

type KeyEvent = NonNullable<ApiKey['timeline']['next']>;

const NEXT: Record<KeyEvent['kind'], string> = {
  EXPIRES: 'Expires',
  INACTIVITY: 'Deactivated for inactivity, unless it is used,',
  EXPOSURE: 'Deactivated because it was exposed,',
  ROTATION: 'Deactivated at the end of its rotation grace period,',
  MANUAL: 'Deactivated',
};

const ENDED: Record<KeyEvent['kind'], string> = {
  EXPIRES: 'Expired',
  INACTIVITY: 'Deactivated for inactivity',
  EXPOSURE: 'Deactivated because it was exposed',
  ROTATION: 'Deactivated at the end of its rotation',
  MANUAL: 'Deactivated by a person',
};

/** The one "what happens next" line of the key page, from the domain's keyTimeline (server clock). */
export function NextLine({ apiKey }: { apiKey: ApiKey }) {
  const { next, ended } = apiKey.timeline;
  if (next) {
    return (
      <p className="next-line" data-testid="next-line">
        <strong>Next:</strong> {NEXT[next.kind]} <DateTime value={next.date} />.
      </p>
    );
  }
  if (ended) {
    return (
      <p className="next-line" data-testid="next-line">
        <strong>No longer active:</strong> {ENDED[ended.kind]} <DateTime value={ended.date} />. Nothing else will happen
        to it.
      </p>
    );
  }
  return (
    <p className="next-line" data-testid="next-line">
      Nothing is scheduled for this key.
    </p>
  );
}

/** The Details card's row: what ends the key next, or what ended it. */
export function TimelineTerm(apiKey: ApiKey): string {
  return apiKey.timeline.next ? 'Next deactivation' : 'Deactivated';
}

export function TimelineValue({ apiKey }: { apiKey: ApiKey }) {
  const event = apiKey.timeline.next ?? apiKey.timeline.ended;
  if (!event) return <span className="muted">Not scheduled</span>;
  const words = apiKey.timeline.next ? NEXT[event.kind] : ENDED[event.kind];
  return (
    <>
      <DateTime value={event.date} format="both" />{' '}
      <span className="subtle">({words.replace(/,$/, '').toLowerCase()})</span>
    </>
  );
}
