import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ChangePasswordRequestSchema } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useChangePassword } from '../api/change-password.ts';

/** The server's rules (the contract's schema), plus the new password typed twice. */
const FormSchema = ChangePasswordRequestSchema.extend({ confirmPassword: z.string() }).refine(
  (v) => v.newPassword === v.confirmPassword,
  { path: ['confirmPassword'], message: 'The two new passwords are not the same.' },
);
type FormValues = z.infer<typeof FormSchema>;
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Change password, from the user menu: the current password, then the new one twice. */
export function ChangePasswordDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const change = useChangePassword();
  const toast = useToast();
  const form = useForm<FormValues>({
    resolver: zodResolver(FormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const close = () => {
    form.reset();
    change.reset();
    onOpenChange(false);
  };
  const submit = form.handleSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          toast({
            tone: 'success',
            title: 'Password changed',
            description: 'You stay logged in here; your other sessions were logged out.',
          });
          close();
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          for (const problem of error.errors) {
            const field = FIELDS.find((f) => f === problem.path);
            if (field) form.setError(field, { message: problem.message }, { shouldFocus: true });
          }
        },
      },
    ),
  );
  const fieldErrors = change.error instanceof ApiError && change.error.errors.length > 0;
  const errors = form.formState.errors;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      title="Change password"
      description="After the change, your other sessions are logged out; this one stays."
      size="sm"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="change-password-form" loading={change.isPending}>
            Change password
          </Button>
        </>
      }
    >
      <form id="change-password-form" className="stack" onSubmit={submit} noValidate>
        {change.isError && !fieldErrors && (
          <Callout tone="danger" title="The password was not changed">
            {errorMessage(change.error)}
          </Callout>
        )}
        <TextField
          label="Current password"
          type="password"
          required
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          required
          autoComplete="new-password"
          hint="At least 8 characters."
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <TextField
          label="Confirm the new password"
          type="password"
          required
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...form.register('confirmPassword')}
        />
      </form>
    </Dialog>
  );
}
