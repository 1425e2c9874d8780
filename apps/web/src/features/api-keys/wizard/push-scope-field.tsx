import { useId } from 'react';
import './push-scope.css';
import { ALL_TARGETS, ALL_TARGETS_LABELS } from '@keyward/domain';
import { FieldError } from '../../../components/ui/field.tsx';
import { AlertTriangleIcon } from '../../../components/ui/icons.tsx';
import { ListInput } from '../../../components/ui/list-input.tsx';

const WORDS = {
  sourceIds: {
    legend: 'Push to sources',
    label: 'Sources',
    chosen: 'Only the sources I name',
    placeholder: 'Source id',
    hint: 'The sources where the API key can push content.',
    warning: 'The key can push content into every source of the organization, including sources created later.',
  },
  securityProviderIds: {
    legend: 'Push to security identity providers',
    label: 'Security identity providers',
    chosen: 'Only the security identity providers I name',
    placeholder: 'Security identity provider id',
    hint: 'The security identity providers where the API key can push data.',
    warning: 'The key can push identities into every security identity provider, including providers created later.',
  },
} as const;

interface PushScopeFieldProps {
  field: 'sourceIds' | 'securityProviderIds';
  values: string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}

/** A push privilege's scope, always explicit (PRODUCT.md §3.2): the ids named, or All ... chosen deliberately. */
export function PushScopeField({ field, values, onChange, error }: PushScopeFieldProps) {
  const id = useId();
  const words = WORDS[field];
  const all = values.includes(ALL_TARGETS);
  return (
    <fieldset className={`field push-scope ${error ? 'field-invalid' : ''}`}>
      <legend className="field-label">{words.legend}</legend>
      <div className="push-scope-choice">
        <label className="checkbox-inline">
          <input type="radio" name={`${id}-scope`} checked={!all} onChange={() => onChange([])} />
          <span>{words.chosen}</span>
        </label>
        <label className="checkbox-inline">
          <input type="radio" name={`${id}-scope`} checked={all} onChange={() => onChange([ALL_TARGETS])} />
          <span>{ALL_TARGETS_LABELS[field]}</span>
        </label>
      </div>
      {all ? (
        <div className="callout callout-warning" role="note">
          <AlertTriangleIcon />
          <p>
            <strong>{ALL_TARGETS_LABELS[field]}.</strong> {words.warning} Name them instead when you can.
          </p>
        </div>
      ) : (
        <ListInput
          label={words.label}
          values={values}
          onChange={onChange}
          error={error}
          placeholder={words.placeholder}
          hint={words.hint}
        />
      )}
      {all && <FieldError message={error} />}
    </fieldset>
  );
}

/** How Review and the key page name a scope. */
export function scopeText(field: 'sourceIds' | 'securityProviderIds', values: string[]): string[] {
  return values.includes(ALL_TARGETS) ? [ALL_TARGETS_LABELS[field]] : values;
}
