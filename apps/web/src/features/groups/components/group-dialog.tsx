import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { GroupInputSchema, type Group } from '@keyward/contract';
import { API_KEY_ACCESS_LEVELS, parsePrivilegeId, privilege, privilegeId, type Privilege } from '@keyward/domain';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/field.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { privilegeName } from '../../../lib/permissions.ts';
import { useCreateGroup } from '../api/create-group.ts';
import { useUpdateGroup } from '../api/update-group.ts';
import { API_KEY_ACCESS_LABELS } from './access-label.ts';

/** The console privileges a group may hold besides its API-key access level. */
const CONSOLE_PRIVILEGES: Privilege[] = [
  privilege('PLATFORM/ACTIVITIES:VIEW'),
  privilege('PLATFORM/GROUP:VIEW'),
  privilege('PLATFORM/GROUP:EDIT'),
  privilege('PLATFORM/API_KEY:CREATE'),
  privilege('PLATFORM/API_KEY_EXPOSURE:EDIT'),
];
const CONSOLE_IDS = new Set(CONSOLE_PRIVILEGES.map(privilegeId));

const FormSchema = GroupInputSchema.pick({ displayName: true, apiKeyAccess: true }).extend({
  privileges: z.array(z.string()),
});
type FormInput = z.input<typeof FormSchema>;
type FormValues = z.output<typeof FormSchema>;

function defaultsOf(group: Group | undefined): FormInput {
  if (!group) {
    return {
      displayName: '',
      apiKeyAccess: 'VIEW_ALL',
      privileges: [privilegeId(privilege('PLATFORM/ACTIVITIES:VIEW')), privilegeId(privilege('PLATFORM/GROUP:VIEW'))],
    };
  }
  return {
    displayName: group.displayName,
    apiKeyAccess: group.apiKeyAccess,
    privileges: group.privileges.map(privilegeId).filter((id) => CONSOLE_IDS.has(id)),
  };
}

/**
 * Create a group, or change one (name, API-key access, privileges). Privileges the form does not
 * show (set through the REST API) are kept as they are. The Administrators group keeps every
 * privilege and Edit all: only its name can change.
 */
export function GroupDialog({
  org,
  group,
  open,
  onOpenChange,
}: {
  org: string;
  /** Absent: a new group. */
  group?: Group | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreateGroup(org);
  const update = useUpdateGroup(org);
  const mutation = group ? update : create;
  const toast = useToast();
  // Mounted per group (keyed by its id), so the defaults are that group's.
  const form = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(FormSchema),
    defaultValues: defaultsOf(group),
  });
  const nameOnly = group?.builtIn === 'ADMINISTRATORS';
  const formId = group ? `edit-group-${group.id}` : 'create-group-form';
  const close = () => {
    form.reset(defaultsOf(group));
    create.reset();
    update.reset();
    onOpenChange(false);
  };
  const onError = (error: Error) => {
    if (error instanceof ApiError)
      error.errors.forEach((e) => e.path === 'displayName' && form.setError('displayName', { message: e.message }));
  };
  const submit = form.handleSubmit((values: FormValues) => {
    const chosen = values.privileges.map(parsePrivilegeId).filter((p): p is Privilege => p !== null);
    const kept = (group?.privileges ?? []).filter((p) => !CONSOLE_IDS.has(privilegeId(p)));
    const input = {
      displayName: values.displayName,
      apiKeyAccess: values.apiKeyAccess,
      privileges: [...kept, ...chosen],
    };
    if (!group) {
      create.mutate(input, {
        onSuccess: (created) => {
          toast({ tone: 'success', title: 'Group created', description: created.displayName });
          close();
        },
        onError,
      });
      return;
    }
    update.mutate(
      { groupId: group.id, input: nameOnly ? { displayName: values.displayName } : input },
      {
        onSuccess: (changed) => {
          toast({ tone: 'success', title: 'Group saved', description: changed.displayName });
          close();
        },
        onError,
      },
    );
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      title={group ? `Edit ${group.displayName}` : 'Create a group'}
      description="Members of a group get its privileges and its access to API keys."
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} loading={mutation.isPending}>
            {group ? 'Save' : 'Create group'}
          </Button>
        </>
      }
    >
      <form id={formId} className="stack" onSubmit={submit} noValidate>
        {mutation.isError && (
          <Callout tone="danger" title={group ? 'The group was not saved' : 'The group was not created'}>
            {errorMessage(mutation.error)}
          </Callout>
        )}
        <TextField
          label="Name"
          required
          autoComplete="off"
          error={form.formState.errors.displayName?.message}
          {...form.register('displayName')}
        />
        {nameOnly ? (
          <p className="muted">
            The Administrators group always holds every privilege and can edit every API key: only its name can change.
          </p>
        ) : (
          <>
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
          </>
        )}
      </form>
    </Dialog>
  );
}
