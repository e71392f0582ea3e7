import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { matchRoute } from './app/routes.ts';
import { ROUTES } from './app/tree.ts';
import { initI18n } from './i18n/index.ts';
import './styles.css';

// The first page's feature texts load with the shared ones, in the reader's language only.
const first = matchRoute(ROUTES, window.location.pathname)?.chain.flatMap((n) => n.ns ?? []) ?? [];
void initI18n(first).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
