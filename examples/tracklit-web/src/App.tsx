import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { session } from './aria.js';
import { Coach } from './components/Coach.js';
import { Plans } from './components/Plans.js';
import { SignIn } from './components/SignIn.js';
import { Today } from './components/Today.js';
import { Usage } from './components/Usage.js';
import { useAthlete } from './hooks.js';

export function App() {
  const [signedIn, setSignedIn] = useState(() => session.token() !== '');
  const queryClient = useQueryClient();
  if (!signedIn) {
    return (
      <SignIn
        onSignIn={(token) => {
          session.signIn(token);
          queryClient.clear();
          setSignedIn(true);
        }}
      />
    );
  }
  return (
    <main>
      <Header
        onSignOut={() => {
          session.signOut();
          queryClient.clear();
          setSignedIn(false);
        }}
      />
      <Usage />
      <Coach />
      <Plans />
      <Today />
    </main>
  );
}

function Header({ onSignOut }: { readonly onSignOut: () => void }) {
  const athlete = useAthlete();
  return (
    <header>
      <h1>TrackLit × Aria</h1>
      <span data-testid="athlete">{athlete.data ? `Signed in as ${athlete.data.id}` : '…'}</span>{' '}
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
