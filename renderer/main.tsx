// In development this sets up React Fast Refresh from a module, because the CSP forbids the
// inline preamble script the React plugin would otherwise rely on; in a build it is empty.
import '../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Chorus: the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
