import { useState } from 'react';

/** Development sign-in: paste the token the Aria dev server prints (TrackLit signs its own). */
export function SignIn({ onSignIn }: { readonly onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim()) onSignIn(token);
      }}
    >
      <h1>Sign in</h1>
      <label>
        Development token{' '}
        <input
          name="token"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          placeholder="eyJhbGciOi…"
        />
      </label>{' '}
      <button type="submit">Sign in</button>
    </form>
  );
}
