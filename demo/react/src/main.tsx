// Importing the kit defines <ip-face-scan>, <ip-biomarker-card>, … once for the whole app.
import { configure } from 'intelliprove-widgets';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { apiBase, pluginOrigin } from './origins';
import './app.css';

// Page-wide defaults for every element, set before any of them is mounted.
configure({ tokenEndpoint: '/api/ip-token', apiBase, allowedOrigins: pluginOrigin });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* import.meta.env.BASE_URL is Vite's `base`: '/react/'. */}
    <BrowserRouter basename={import.meta.env.BASE_URL}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
