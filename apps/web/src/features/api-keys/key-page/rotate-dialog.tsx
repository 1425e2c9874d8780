import { useState, type FormEvent } from 'react';
import type { ApiKey } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { useRotateApiKey } from '../api/rotate-api-key.ts';
import { KeyCreatedDialog } from '../components/key-created-dialog.tsx';
import { gracePeriodsFor } from './grace-periods.ts';

interface RotateDialogProps {
  org: string;
  apiKey: ApiKey;
  open: boolean;
  onClose: () => void;
}

/** Rotate: a replacement with the same settings, revealed once, and a grace period for the old key. */
export function RotateDialog({ org, apiKey, open, onClose }: RotateDialogProps) {
  const options = gracePeriodsFor(apiKey.expirationDate, Date.now());
  const [period, setPeriod] = useState(options.length > 2 ? 'P1D' : 'PT0S');
  const [created, setCreated] = useState<{ name: string; value: string } | null>(null);
  const { rotate, pending } = useRotateApiKey(org);
  const toast = useToast();
  const capped = options.length < 5;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const fresh = await rotate(apiKey.id, period);
      onClose();
      setCreated({ name: fresh.displayName, value: fresh.value ?? '' });
    } catch (error) {
      toast({ tone: 'error', title: 'The API key was not rotated', description: errorMessage(error) });
    }
  };

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => !next && onClose()}
        title={`Rotate “${apiKey.displayName}”`}
        description="A new key with the same privileges and settings is created and shown once. The current key keeps working during the grace period, then is deactivated."
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" form="rotate-form" loading={pending}>
              Rotate
            </Button>
          </>
        }
      >
        <form id="rotate-form" onSubmit={(e) => void submit(e)}>
          <fieldset className="grace-periods">
            <legend className="field-label">Keep the current key working for</legend>
            {options.map((o) => (
              <label key={o.period} className="radio-row">
                <input
                  type="radio"
                  name="grace-period"
                  value={o.period}
                  checked={period === o.period}
                  onChange={() => setPeriod(o.period)}
                />
                <span>{o.ms === 0 ? 'No grace period: deactivate it now' : o.label}</span>
              </label>
            ))}
            {capped && apiKey.expirationDate !== null && (
              <p className="field-hint">
                Longer periods are not offered: this key expires{' '}
                <DateTime value={apiKey.expirationDate} format="both" />.
              </p>
            )}
          </fieldset>
        </form>
      </Dialog>
      <KeyCreatedDialog
        title="API key successfully rotated"
        value={created?.value ?? null}
        keyName={created?.name ?? ''}
        onDone={() => setCreated(null)}
      />
    </>
  );
}
