import { useState, type FormEvent } from 'react';
import type { ApiKey } from '@keyward/contract';
import { SEVERITIES, severityConsequence, type Severity } from '@keyward/domain';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useReportExposure } from '../api/exposure.ts';

interface ReportExposureDialogProps {
  org: string;
  apiKey: ApiKey;
  open: boolean;
  onClose: () => void;
}

type Errors = Partial<Record<'reason' | 'url', string>>;

function checkUrl(url: string): string | undefined {
  if (url === '') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? undefined : 'Enter an http or https address.';
  } catch {
    return 'Enter a full address, e.g. https://github.com/acme/app/blob/main/.env';
  }
}

/** Report exposure: a reason, a severity whose consequence is spelled out, and where it was found. */
export function ReportExposureDialog({ org, apiKey, open, onClose }: ReportExposureDialogProps) {
  const [reason, setReason] = useState('');
  const [severity, setSeverity] = useState<Severity>('HIGH');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const report = useReportExposure(org);
  const toast = useToast();

  const close = () => {
    setReason('');
    setSeverity('HIGH');
    setUrl('');
    setErrors({});
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {
      reason: reason.trim() === '' ? 'Say why you think the key was exposed.' : undefined,
      url: checkUrl(url.trim()),
    };
    setErrors(found);
    if (found.reason || found.url) return;
    report.mutate(
      { id: apiKey.id, input: { reason: reason.trim(), severity, url: url.trim() === '' ? null : url.trim() } },
      {
        onSuccess: () => {
          toast({ tone: 'success', title: 'Exposure reported', description: severityConsequence(severity) });
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.errors.length > 0) {
            const next: Errors = {};
            for (const e of error.errors) if (e.path === 'reason' || e.path === 'url') next[e.path] = e.message;
            setErrors(next);
          }
          toast({ tone: 'error', title: 'The exposure was not reported', description: errorMessage(error) });
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && close()}
      title="Report exposure"
      description={<>Flag “{apiKey.displayName}” as exposed. Administrators and the security contact are e-mailed.</>}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" type="submit" form="report-exposure-form" loading={report.isPending}>
            Report exposure
          </Button>
        </>
      }
    >
      <form id="report-exposure-form" className="stack" onSubmit={submit} noValidate>
        <TextAreaField
          label="Reason"
          required
          value={reason}
          error={errors.reason}
          maxLength={1000}
          hint="Where or how the key was exposed. Never paste the key's value here."
          onChange={(e) => setReason(e.target.value)}
        />
        <SelectField
          label="Severity"
          value={severity}
          hint={severityConsequence(severity)}
          onChange={(e) => setSeverity(e.target.value as Severity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {severityConsequence(s)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Where it was found (optional)"
          type="url"
          value={url}
          error={errors.url}
          placeholder="https://"
          onChange={(e) => setUrl(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
