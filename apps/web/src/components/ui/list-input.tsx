import { useId, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { describedBy, FieldError } from './field.tsx';
import { AlertCircleIcon, PlusIcon, XIcon } from './icons.tsx';

interface ListInputProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
  /** Checks one entry on its own: its problem in plain words, or null. Wrong entries are marked. */
  entryError?: (value: string) => string | null;
}

function split(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A list of entries (IP ranges, source ids...): type and press Enter (or Add), paste several at once
 * separated by commas or new lines; each entry has its own Remove button. Text left in the box is
 * added when the box loses focus, so nothing typed is silently dropped.
 */
export function ListInput({ label, values, onChange, hint, error, placeholder, disabled, entryError }: ListInputProps) {
  const id = useId();
  const [draft, setDraft] = useState('');

  const add = (text: string) => {
    const entries = split(text).filter((entry) => !values.includes(entry));
    if (entries.length > 0) onChange([...values, ...entries]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (/[,;\n]/.test(text)) {
      event.preventDefault();
      add(draft + text);
    }
  };

  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="list-input">
        <input
          id={id}
          className="input"
          value={draft}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => draft.trim() && add(draft)}
        />
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => add(draft)}
          disabled={disabled || !draft.trim()}
          aria-label={`Add to ${label}`}
        >
          <PlusIcon />
          <span className="btn-label">Add</span>
        </button>
      </div>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {values.length > 0 && (
        <ul className="chip-list" aria-label={`${label} entries`}>
          {values.map((value, index) => {
            const problem = entryError?.(value) ?? null;
            const problemId = `${id}-entry-${index}`;
            return (
              <li key={value} className={`chip ${problem ? 'chip-invalid' : ''}`}>
                <span
                  className="chip-value"
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? problemId : undefined}
                >
                  {problem && <AlertCircleIcon size={12} />}
                  <code>{value}</code>
                </span>
                {problem && (
                  <span className="chip-problem" id={problemId}>
                    {problem}
                  </span>
                )}
                {!disabled && (
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove ${value} from ${label}`}
                    aria-describedby={problem ? problemId : undefined}
                    onClick={() => onChange(values.filter((v) => v !== value))}
                  >
                    <XIcon size={12} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
