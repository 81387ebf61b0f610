import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp';

/**
 * One build for the three Electron targets. The renderer output (out/renderer) is also what
 * `hibernator serve` hands to browsers. The preload is one self-contained CommonJS file: a
 * sandboxed preload may `require` only `electron`.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/app/index.ts') },
        external: [
          'electron',
          'better-sqlite3',
          /^@aws-sdk\//,
          /^@smithy\//,
          '@kubernetes/client-node',
        ],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [
      react(),
      {
        name: 'hibernator-csp',
        transformIndexHtml: (html: string) =>
          html.replace('%CONTENT_SECURITY_POLICY%', CONTENT_SECURITY_POLICY_META),
      },
    ],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
