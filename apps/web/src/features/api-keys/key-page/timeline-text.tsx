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

/** "Expires in 3 days" / "Expired 2 hours ago": the words and the date of one event, as every place states them. */
function EventText({ event, ended, format }: { event: KeyEvent; ended: boolean; format: 'relative' | 'both' }) {
  return (
    <>
      {ended ? ENDED[event.kind] : NEXT[event.kind]}{' '}
      <DateTime value={event.date} format={format} tense={ended ? undefined : 'future'} />
    </>
  );
}

/** The one "what happens next" line of the key page, from the domain's keyTimeline (server clock). */
export function NextLine({ apiKey }: { apiKey: ApiKey }) {
  const { next, ended } = apiKey.timeline;
  if (next) {
    return (
      <p className="next-line" data-testid="next-line">
        <strong>Next:</strong> <EventText event={next} ended={false} format="relative" />.
      </p>
    );
  }
  if (ended) {
    return (
      <p className="next-line" data-testid="next-line">
        <strong>No longer active:</strong> <EventText event={ended} ended format="relative" />. Nothing else will happen
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

/** The Details card's row: the same event as the line above, with its day. */
export function TimelineTerm(apiKey: ApiKey): string {
  return apiKey.timeline.next || !apiKey.timeline.ended ? 'What happens next' : 'No longer active';
}

export function TimelineValue({ apiKey }: { apiKey: ApiKey }) {
  const { next, ended } = apiKey.timeline;
  const event = next ?? ended;
  if (!event) return <span className="muted">Nothing scheduled</span>;
  return <EventText event={event} ended={next === null} format="both" />;
}
