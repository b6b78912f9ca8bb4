import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle: relative base so Electron can load it from file://, and the
// browser mode serves the same files from its loopback server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // One bundle read from the local disk (Electron) or the loopback server: its size costs no
    // download, so the web-oriented 500 kB warning is noise here.
    chunkSizeWarningLimit: 2000,
  },
});
