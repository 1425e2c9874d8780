import type { Notification } from '@keyward/contract';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { deliveryMeaning, StatusPill } from './delivery-state.tsx';

/** One e-mail of the outbox, as it was (or will be) sent. Notices never hold a key value. */
export function MailDialog({ mail, onClose }: { mail: Notification | null; onClose: () => void }) {
  return (
    <Dialog
      open={mail !== null}
      onOpenChange={(open) => !open && onClose()}
      title={mail?.subject ?? 'E-mail'}
      size="lg"
    >
      {mail && (
        <div className="stack">
          <dl className="mail-meta">
            <div>
              <dt>To</dt>
              <dd>{mail.to.join(', ') || 'Nobody'}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>
                <DateTime value={mail.createdDate} format="both" />
              </dd>
            </div>
            <div>
              <dt>Delivery</dt>
              <dd>
                <StatusPill status={mail.status} /> <span className="muted">{deliveryMeaning(mail.status)}</span>
                {mail.lastError && <span className="field-error-text">{mail.lastError}</span>}
              </dd>
            </div>
          </dl>
          <pre className="mail-body" tabIndex={0} aria-label="Message">
            {mail.body}
          </pre>
        </div>
      )}
    </Dialog>
  );
}
