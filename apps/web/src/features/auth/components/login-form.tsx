import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { errorMessage, isApiError } from '../../../lib/api-client.ts';
import { useLogin } from '../api/login.ts';

function loginProblem(error: unknown): string {
  if (isApiError(error, 401)) return 'The e-mail or password is incorrect.';
  return errorMessage(error);
}

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      email: email.trim() ? undefined : 'Enter your e-mail.',
      password: password ? undefined : 'Enter your password.',
    };
    setMissing(problems);
    if (problems.email || problems.password) return;
    login.mutate({ email: email.trim(), password }, { onSuccess });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Log in">
      {login.isError && (
        <Callout tone="danger" title="Log in failed">
          {loginProblem(login.error)}
        </Callout>
      )}
      <TextField
        label="E-mail"
        type="email"
        name="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={missing.email}
        required
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={missing.password}
        required
      />
      <Button type="submit" variant="primary" loading={login.isPending} className="btn-block">
        Log in
      </Button>
    </form>
  );
}
