import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { GroupInputSchema } from '@keyward/contract';
import { API_KEY_ACCESS_LEVELS, parsePrivilegeId, privilege, privilegeId, type Privilege } from '@keyward/domain';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/field.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { privilegeName } from '../../../lib/permissions.ts';
import { useCreateGroup } from '../api/create-group.ts';
import { API_KEY_ACCESS_LABELS } from './access-label.ts';

/** The console privileges a group may hold besides its API-key access level. */
const CONSOLE_PRIVILEGES: Privilege[] = [
  privilege('PLATFORM/ACTIVITIES:VIEW'),
  privilege('PLATFORM/GROUP:VIEW'),
  privilege('PLATFORM/GROUP:EDIT'),
  privilege('PLATFORM/API_KEY:CREATE'),
  privilege('PLATFORM/API_KEY_EXPOSURE:EDIT'),
];

const FormSchema = GroupInputSchema.pick({ displayName: true, apiKeyAccess: true }).extend({
  privileges: z.array(z.string()),
});
type FormInput = z.input<typeof FormSchema>;
type FormValues = z.output<typeof FormSchema>;

export function CreateGroupDialog({
  org,
  open,
  onOpenChange,
}: {
  org: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreateGroup(org);
  const toast = useToast();
  const form = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(FormSchema),
    defaultValues: {
      displayName: '',
      apiKeyAccess: 'VIEW_ALL',
      privileges: [privilegeId(privilege('PLATFORM/ACTIVITIES:VIEW')), privilegeId(privilege('PLATFORM/GROUP:VIEW'))],
    },
  });
  const close = () => {
    form.reset();
    create.reset();
    onOpenChange(false);
  };
  const submit = form.handleSubmit((values: FormValues) => {
    const privileges = values.privileges.map(parsePrivilegeId).filter((p): p is Privilege => p !== null);
    create.mutate(
      { displayName: values.displayName, apiKeyAccess: values.apiKeyAccess, privileges },
      {
        onSuccess: (group) => {
          toast({ tone: 'success', title: 'Group created', description: group.displayName });
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError)
            error.errors.forEach(
              (e) => e.path === 'displayName' && form.setError('displayName', { message: e.message }),
            );
        },
      },
    );
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      title="Create a group"
      description="Members of a group get its privileges and its access to API keys."
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="create-group-form" loading={create.isPending}>
            Create group
          </Button>
        </>
      }
    >
      <form id="create-group-form" className="stack" onSubmit={submit} noValidate>
        {create.isError && (
          <Callout tone="danger" title="The group was not created">
            {errorMessage(create.error)}
          </Callout>
        )}
        <TextField
          label="Name"
          required
          autoComplete="off"
          error={form.formState.errors.displayName?.message}
          {...form.register('displayName')}
        />
        <SelectField
          label="API key access"
          hint="Custom: each key's Access step says whether the group can view or edit it."
          {...form.register('apiKeyAccess')}
        >
          {API_KEY_ACCESS_LEVELS.map((level) => (
            <option key={level} value={level}>
              {API_KEY_ACCESS_LABELS[level]}
            </option>
          ))}
        </SelectField>
        <fieldset className="field">
          <legend className="field-label">Privileges</legend>
          {CONSOLE_PRIVILEGES.map((p) => (
            <Checkbox
              key={privilegeId(p)}
              label={privilegeName(p)}
              value={privilegeId(p)}
              {...form.register('privileges')}
            />
          ))}
        </fieldset>
      </form>
    </Dialog>
  );
}
