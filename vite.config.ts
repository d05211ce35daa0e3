import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The board: built into dist/client, which the web process serves (server/middlewares/staticClient.ts).
// In development `npm run dev:client` serves it with hot reload and proxies the API and the socket
// to a running `npm start` (PORT 3000 unless API_URL says otherwise).
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  plugins: [preact({ devToolsEnabled: false, prerender: { enabled: false } })],
  build: {
    outDir: '../dist/client',
    // Test builds keep the previous hashed files: a board already open in another test process
    // still loads them while a newer build lands beside them.
    emptyOutDir: !process.env.NARYAD_KEEP_OLD_ASSETS,
    target: 'es2022',
    manifest: true,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true },
    },
  },
});
