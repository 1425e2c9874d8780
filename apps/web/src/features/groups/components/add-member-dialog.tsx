import { useState, type FormEvent } from 'react';
import { CreateMemberSchema, type Group, type Member } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useAddMember } from '../api/add-member.ts';
import { useOrgMembers } from '../api/list-org-members.ts';

interface AddMemberDialogProps {
  org: string;
  group: Group | null;
  currentMembers: Member[];
  onClose: () => void;
}

type Errors = Partial<Record<'userId' | 'email' | 'displayName' | 'password', string>>;

/** Add an existing user of the organization to a group, or create a new user straight into it. */
export function AddMemberDialog({ org, group, currentMembers, onClose }: AddMemberDialogProps) {
  const [kind, setKind] = useState<'existing' | 'new'>('existing');
  const [userId, setUserId] = useState('');
  const [fields, setFields] = useState({ email: '', displayName: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const people = useOrgMembers(org, group !== null);
  const add = useAddMember(org);
  const toast = useToast();
  const candidates = (people.data ?? []).filter((p) => !currentMembers.some((m) => m.id === p.id));

  const close = () => {
    setErrors({});
    setUserId('');
    setFields({ email: '', displayName: '', password: '' });
    add.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!group) return;
    if (kind === 'existing') {
      if (!userId) return setErrors({ userId: 'Choose a person.' });
      setErrors({});
      return add.mutate({ kind, groupId: group.id, userId }, { onSuccess: done });
    }
    const parsed = CreateMemberSchema.safeParse({ ...fields, groups: [group.id] });
    if (!parsed.success) {
      const next: Errors = {};
      parsed.error.issues.forEach((i) => (next[i.path[0] as keyof Errors] ??= i.message));
      return setErrors(next);
    }
    setErrors({});
    add.mutate(
      { kind, groupId: group.id, ...fields },
      {
        onSuccess: done,
        onError: (error) => {
          if (error instanceof ApiError) setErrors(Object.fromEntries(error.errors.map((e) => [e.path, e.message])));
        },
      },
    );
  };
  const done = () => {
    toast({ tone: 'success', title: 'Member added', description: group?.displayName });
    close();
  };

  return (
    <Dialog
      open={group !== null}
      onOpenChange={(open) => !open && close()}
      title={`Add a member to ${group?.displayName ?? ''}`}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="add-member-form" loading={add.isPending}>
            Add member
          </Button>
        </>
      }
    >
      <form id="add-member-form" className="stack" onSubmit={submit} noValidate>
        {add.isError && (
          <Callout tone="danger" title="The member was not added">
            {errorMessage(add.error)}
          </Callout>
        )}
        <fieldset className="segmented">
          <legend className="visually-hidden">Who to add</legend>
          <label className={kind === 'existing' ? 'segment segment-on' : 'segment'}>
            <input type="radio" name="member-kind" checked={kind === 'existing'} onChange={() => setKind('existing')} />
            Existing user
          </label>
          <label className={kind === 'new' ? 'segment segment-on' : 'segment'}>
            <input type="radio" name="member-kind" checked={kind === 'new'} onChange={() => setKind('new')} />
            New user
          </label>
        </fieldset>
        {kind === 'existing' ? (
          <SelectField
            label="Person"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            error={errors.userId}
            hint={
              people.isPending
                ? 'Loading people…'
                : candidates.length === 0
                  ? 'Everyone is already a member: create a new user instead.'
                  : undefined
            }
          >
            <option value="">Choose a person</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName} ({p.email})
              </option>
            ))}
          </SelectField>
        ) : (
          <>
            <TextField
              label="E-mail"
              type="email"
              autoComplete="off"
              value={fields.email}
              error={errors.email}
              onChange={(e) => setFields({ ...fields, email: e.target.value })}
            />
            <TextField
              label="Display name"
              autoComplete="off"
              value={fields.displayName}
              error={errors.displayName}
              onChange={(e) => setFields({ ...fields, displayName: e.target.value })}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="new-password"
              value={fields.password}
              error={errors.password}
              hint="At least 8 characters. Share it with the person securely."
              onChange={(e) => setFields({ ...fields, password: e.target.value })}
            />
          </>
        )}
      </form>
    </Dialog>
  );
}
