// First, before any module that builds a zod schema (see zod-jitless.ts).
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './styles/app.css';
import { Editor } from '../shared/commands/editor';
import { emptyDocument } from '../shared/model/document';
import { App } from './app/App';
import { detectPlatform } from './platform/detect-platform';

const editor = new Editor(emptyDocument());
const platform = detectPlatform();
// Exposed for the end-to-end tests and the benchmark to read state a person would see anyway.
(window as unknown as { __ipsecStudio?: unknown }).__ipsecStudio = { editor };

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ReactFlowProvider>
        <App editor={editor} platform={platform} />
      </ReactFlowProvider>
    </StrictMode>,
  );
}
