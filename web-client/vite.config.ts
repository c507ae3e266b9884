/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The Spring app; override with VITRINE_API=http://localhost:18181 npm run dev
const api = process.env.VITRINE_API ?? 'http://localhost:8080';
const proxy = {
  '/api': { target: api, changeOrigin: false },
  '/media': { target: api, changeOrigin: false },
};

/**
 * The share page's early script (share-early.ts) as an async module in share.html's head: it runs as soon as its
 * few kilobytes are in, instead of after the app's script, as a script of the page's own entry would (Vite bundles
 * an HTML entry's module scripts into one).
 */
function shareEarlyScript(): Plugin {
  return {
    name: 'vitrine-share-early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { filename, bundle }) {
        if (!filename.endsWith('share.html') || !bundle) return [];
        const early = Object.values(bundle).find(
          (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'share-early',
        );
        if (!early) throw new Error('the share-early entry is missing from the bundle');
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/${early.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), shareEarlyScript()],
  base: '/',
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // the app, and the share page on its own (served for /s/{token}: see share-main.tsx) with its early script
    rollupOptions: {
      input: { main: 'index.html', share: 'share.html', 'share-early': 'src/sharing/share-early.ts' },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
  },
});
