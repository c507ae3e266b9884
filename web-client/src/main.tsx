import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/queries';
import { App } from './App';
import { UploadsProvider } from './uploads/context';
import 'react-photo-album/masonry.css';
import './styles.css';

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <UploadsProvider>
          <App />
        </UploadsProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
