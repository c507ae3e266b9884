import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { APIError } from '../api/client';
import { useSession, useSignIn, useSignUp } from '../api/queries';
import { useDocumentTitle } from '../lib/hooks';

const USERNAME = /^[A-Za-z0-9._-]{3,40}$/;

function validateCredentials(mode: 'signin' | 'signup', username: string, password: string) {
  const problems: Record<string, string> = {};
  if (mode === 'signup') {
    if (!USERNAME.test(username)) problems.username = '3 to 40 letters, digits, dots, dashes or underscores';
    if (password.length < 8 || password.length > 128) problems.password = '8 to 128 characters';
  } else {
    if (!username) problems.username = 'Enter your username';
    if (!password) problems.password = 'Enter your password';
  }
  return problems;
}

export function AuthPage({ mode }: { mode: 'signin' | 'signup' }) {
  const signUp = mode === 'signup';
  useDocumentTitle(signUp ? 'Sign up' : 'Sign in');
  const session = useSession();
  const signIn = useSignIn();
  const register = useSignUp();
  const mutation = signUp ? register : signIn;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});

  if (session.data && !mutation.isPending && !mutation.isSuccess) return <Navigate to={target} replace />;

  const error = mutation.error;
  const fieldErrors = { ...(error instanceof APIError ? error.fieldErrors : {}), ...problems };
  const formError =
    error instanceof APIError && Object.keys(error.fieldErrors).length === 0
      ? error.status === 401
        ? 'Wrong username or password.'
        : error.message
      : error && !(error instanceof APIError)
        ? 'Something went wrong.'
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCredentials(mode, username.trim(), password);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate(target, { replace: true }) },
    );
  };

  return (
    <main className="page page--narrow" id="main">
      <form className="card form auth-form" onSubmit={submit} noValidate>
        <h1>{signUp ? 'Create your account' : 'Welcome back'}</h1>
        {formError && (
          <p className="notice notice--error" role="alert">
            {formError}
          </p>
        )}
        <div className="field">
          <label htmlFor="username">Username</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={Boolean(fieldErrors.username) || undefined}
            aria-describedby={fieldErrors.username ? 'username-error' : signUp ? 'username-hint' : undefined}
            required
          />
          {fieldErrors.username ? (
            <p className="field-error" id="username-error">
              {fieldErrors.username}
            </p>
          ) : (
            signUp && (
              <p className="field-hint" id="username-hint">
                3–40 characters: letters, digits, . _ -
              </p>
            )
          )}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete={signUp ? 'new-password' : 'current-password'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={Boolean(fieldErrors.password) || undefined}
            aria-describedby={fieldErrors.password ? 'password-error' : signUp ? 'password-hint' : undefined}
            required
          />
          {fieldErrors.password ? (
            <p className="field-error" id="password-error">
              {fieldErrors.password}
            </p>
          ) : (
            signUp && (
              <p className="field-hint" id="password-hint">
                At least 8 characters
              </p>
            )
          )}
        </div>
        <button type="submit" className="button button--primary button--wide" disabled={mutation.isPending}>
          {mutation.isPending ? (signUp ? 'Creating account…' : 'Signing in…') : signUp ? 'Sign up' : 'Sign in'}
        </button>
        <p className="form-switch">
          {signUp ? 'Already have an account? ' : 'New to Vitrine? '}
          <Link to={`${signUp ? '/signin' : '/signup'}${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {signUp ? 'Sign in' : 'Create an account'}
          </Link>
        </p>
      </form>
    </main>
  );
}
