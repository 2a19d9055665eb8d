import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { connectWebBridge } from './bridge/webBridge';
import { LocaleProvider } from './i18n/LocaleContext';

// In Electron the preload has set window.statelab; in the browser host, speak the bridge instead.
const api = window.statelab ?? connectWebBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <App api={api} />
    </LocaleProvider>
  </StrictMode>,
);
