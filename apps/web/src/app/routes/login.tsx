import { useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/page-title.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { KeyIcon } from '../../components/ui/icons.tsx';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginRoute() {
  usePageTitle('Log in');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <main className="login-page">
      <section className="login-card" aria-labelledby="login-title">
        <div className="brand brand-lg">
          <span className="brand-mark" aria-hidden="true">
            <KeyIcon size={18} />
          </span>
          <span className="brand-name">Keyward</span>
        </div>
        <h1 id="login-title">Log in</h1>
        <p className="muted">Manage the API keys of your organization.</p>
        <LoginForm onSuccess={() => void navigate(safeNext(params.get('next')), { replace: true })} />
      </section>
    </main>
  );
}
