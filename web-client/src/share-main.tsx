// The share page's own entry (share.html, served for /s/{token}): the page people who never heard of Vitrine open
// on a phone, with only what it needs — no router, no pages of signed-in users — so that its photos are asked for
// as early as the script allows.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/queries';
import { SharePage } from './sharing/SharePage';
import { shareToken } from './sharing/firstScreen';
// already running when the build loads it beside this script (vite.config.ts); imported here for `vite dev`
import './sharing/share-early';
import 'react-photo-album/masonry.css';
import './styles.css';

const token = shareToken(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <a href="/" className="brand" aria-label="Vitrine, home">
          <span className="brand-mark" aria-hidden="true" />
          Vitrine
        </a>
      </header>
      <SharePage token={token} />
    </QueryClientProvider>
  </StrictMode>,
);
