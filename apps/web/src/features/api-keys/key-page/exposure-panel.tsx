import { useState } from 'react';
import type { ApiKey } from '@keyward/contract';
import { EXPOSURE_SOURCE_LABELS, SEVERITY_LABELS } from '@keyward/domain';
import { Button } from '../../../components/ui/button.tsx';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Checkbox } from '../../../components/ui/field.tsx';
import { PowerIcon, RefreshIcon, ShieldAlertIcon, XIcon } from '../../../components/ui/icons.tsx';
import { Pill } from '../../../components/ui/pill.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useChangeApiKeys } from '../api/change-api-keys.ts';
import { useDismissExposure } from '../api/exposure.ts';
import { isUsable } from '../key-state.ts';
import type { KeyPermissions } from './key-permissions.ts';

type Confirm = 'dismiss' | 'deactivate' | null;

function DeadlineLine({ apiKey }: { apiKey: ApiKey }) {
  const report = apiKey.exposureReport;
  if (!report) return null;
  const ended = apiKey.timeline.ended;
  if (!isUsable(apiKey)) {
    return (
      <p>
        This key was flagged as exposed.{' '}
        {ended?.kind === 'EXPOSURE' ? 'It was deactivated because of it' : 'It is no longer active'}
        {ended && (
          <>
            {' '}
            <DateTime value={ended.date} />
          </>
        )}
        .
      </p>
    );
  }
  if (report.deactivationDate === null) {
    return (
      <p>
        This key was flagged as exposed, as a warning only: it will not be deactivated for it. Rotate it, or dismiss the
        report.
      </p>
    );
  }
  const next = apiKey.timeline.next;
  if (next && next.kind !== 'EXPOSURE' && next.kind !== 'MANUAL') {
    // Something else ends the key first (PRODUCT.md §6: the key page states one next event).
    return (
      <p>
        This key was flagged as exposed. {FIRST[next.kind]} <DateTime value={next.date} tense="future" />, before the
        report's deactivation date (<DateTime value={report.deactivationDate} format="day" />
        ).
      </p>
    );
  }
  return (
    <p>
      This key was flagged as exposed. It will be deactivated{' '}
      <DateTime value={report.deactivationDate} tense="future" /> unless the report is dismissed.
    </p>
  );
}

const FIRST: Record<'EXPIRES' | 'INACTIVITY' | 'ROTATION', string> = {
  EXPIRES: 'It expires',
  INACTIVITY: 'It will be deactivated for inactivity, unless it is used,',
  ROTATION: 'It will be deactivated at the end of its rotation grace period,',
};

interface ExposurePanelProps {
  org: string;
  apiKey: ApiKey;
  can: KeyPermissions;
  onRotate: () => void;
}

/** An exposed key's reasons, severity and deadline, with Dismiss, Deactivate now and Rotate (PRODUCT.md §6). */
export function ExposurePanel({ org, apiKey, can, onRotate }: ExposurePanelProps) {
  const report = apiKey.exposureReport;
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [understood, setUnderstood] = useState(false);
  const dismiss = useDismissExposure(org);
  const change = useChangeApiKeys(org);
  const toast = useToast();
  if (!report) return null;
  const usable = isUsable(apiKey);
  const close = () => {
    setConfirm(null);
    setUnderstood(false);
  };
  const fail = (error: unknown) =>
    toast({ tone: 'error', title: 'The change was not made', description: errorMessage(error) });

  return (
    <section className="card card-padded exposure-panel" aria-labelledby="exposure-title">
      <div className="exposure-head">
        <ShieldAlertIcon />
        <h2 id="exposure-title" className="card-title">
          Exposure report
        </h2>
        <Pill tone={report.severity === 'WARN' ? 'warning' : 'danger'}>
          Severity: {SEVERITY_LABELS[report.severity]}
        </Pill>
      </div>
      <DeadlineLine apiKey={apiKey} />
      <ul className="exposure-reasons" aria-label="Reasons">
        {report.reasons.map((r) => (
          <li key={r.id}>
            <p className="exposure-reason-text">{r.reason}</p>
            <p className="subtle">
              {EXPOSURE_SOURCE_LABELS[r.source]} · {SEVERITY_LABELS[r.severity ?? report.severity]} ·{' '}
              <DateTime value={r.createdDate} />
              {r.url && (
                <>
                  {' · '}
                  <a href={r.url} target="_blank" rel="noreferrer noopener">
                    Where it was found
                  </a>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      {usable && (can.dismissExposure || can.deactivate || can.showRotate) && (
        <div className="exposure-actions">
          {can.dismissExposure && (
            <Button icon={<XIcon />} onClick={() => setConfirm('dismiss')}>
              Dismiss
            </Button>
          )}
          {can.deactivate && (
            <Button variant="danger" icon={<PowerIcon />} onClick={() => setConfirm('deactivate')}>
              Deactivate now
            </Button>
          )}
          {can.showRotate && (
            <Button variant="primary" icon={<RefreshIcon />} disabledReason={can.rotateReason} onClick={onRotate}>
              Rotate
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirm === 'dismiss'}
        onOpenChange={(open) => !open && close()}
        title={`Dismiss the exposure report of “${apiKey.displayName}”?`}
        description={
          <p>The key stays active and is no longer flagged as exposed. Do this only if the value did not leak.</p>
        }
        confirmLabel="Dismiss"
        tone="primary"
        pending={dismiss.isPending}
        onConfirm={() =>
          dismiss.mutate(apiKey.id, {
            onSuccess: () => {
              toast({ tone: 'success', title: 'Exposure report dismissed', description: apiKey.displayName });
              close();
            },
            onError: fail,
          })
        }
      />
      <ConfirmDialog
        open={confirm === 'deactivate'}
        onOpenChange={(open) => !open && close()}
        title={`Deactivate “${apiKey.displayName}” now?`}
        description={
          <p>
            The key stops working immediately. Applications still using it will be refused: give them a new key first if
            you can (Rotate).
          </p>
        }
        confirmLabel="Deactivate now"
        pending={change.isPending}
        blockedReason={
          apiKey.disableNeedsConfirmation && !understood ? 'Check I understand to deactivate a Custom API key.' : null
        }
        onConfirm={() =>
          change.mutate(
            { change: 'disable', ids: [apiKey.id] },
            {
              onSuccess: () => {
                toast({ tone: 'success', title: 'API key deactivated', description: apiKey.displayName });
                close();
              },
              onError: fail,
            },
          )
        }
      >
        {apiKey.disableNeedsConfirmation && (
          <div className="callout callout-warning stack-sm">
            <p>
              <strong>Custom API keys can't be reactivated.</strong>
            </p>
            <Checkbox label="I understand" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          </div>
        )}
      </ConfirmDialog>
    </section>
  );
}
