// The floor of the bench: React 19 and react-dom mounting one element, nothing else.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <h1>Empty</h1>
  </StrictMode>,
);
