/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Spring app; override with VITRINE_API=http://localhost:18181 npm run dev
const api = process.env.VITRINE_API ?? 'http://localhost:8080';
const proxy = {
  '/api': { target: api, changeOrigin: false },
  '/media': { target: api, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  base: '/',
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // the app, and the share page on its own (served for /s/{token}: see share-main.tsx)
    rollupOptions: { input: { main: 'index.html', share: 'share.html' } },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
  },
});
