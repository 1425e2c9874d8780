import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { AlertTriangleIcon, CheckIcon, CopyIcon } from '../../../components/ui/icons.tsx';

interface KeyCreatedDialogProps {
  /** The one-time value; the caller holds it in component state and clears it on Done. */
  value: string | null;
  keyName: string;
  onDone: () => void;
  /** Rotation reveals its new key with the same rules, under its own title. */
  title?: string;
}

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without clipboard permission, select the text so Ctrl+C copies it.
    fallbackInput?.select();
    return document.execCommand?.('copy') ?? false;
  }
}

/** "API key successfully created": the value, shown this once, a copy button, and Done. */
export function KeyCreatedDialog({
  value,
  keyName,
  onDone,
  title = 'API key successfully created',
}: KeyCreatedDialogProps) {
  const [copied, setCopied] = useState(false);
  const [input, setInput] = useState<HTMLInputElement | null>(null);

  return (
    <Dialog
      open={value !== null}
      onOpenChange={(open) => {
        if (!open) onDone();
      }}
      title={title}
      description={<>The key “{keyName}” is ready to use.</>}
      dismissible={false}
      footer={
        <Button
          variant="primary"
          onClick={() => {
            setCopied(false);
            onDone();
          }}
        >
          Done
        </Button>
      }
    >
      <div className="stack">
        <div className="secret-box">
          <label htmlFor="created-key-value" className="field-label">
            API key
          </label>
          <div className="secret-row">
            <input
              id="created-key-value"
              ref={setInput}
              className="input secret-input mono"
              readOnly
              value={value ?? ''}
              onFocus={(e) => e.currentTarget.select()}
              spellCheck={false}
              autoComplete="off"
            />
            <Button
              icon={copied ? <CheckIcon /> : <CopyIcon />}
              aria-label="Copy the key to the clipboard"
              onClick={() => {
                if (value) void copyText(value, input).then(setCopied);
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
          <p className="visually-hidden" aria-live="polite">
            {copied ? 'The key was copied to the clipboard.' : ''}
          </p>
        </div>
        <div className="callout callout-warning" role="note">
          <AlertTriangleIcon />
          <p>
            <strong>Copy the key immediately. This is the only time that it will be displayed.</strong>
          </p>
        </div>
      </div>
    </Dialog>
  );
}
