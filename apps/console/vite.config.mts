import { defineConfig } from 'vite';

// The page lives in web/ and is built into dist/web, which the console's express app serves.
// `npm run dev:web` serves it with live reload and sends /api to a console running on :8088.
export default defineConfig({
  root: 'web',
  base: '/',
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022', sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8088' } },
  // Workspace packages are CommonJS: the dev server must pre-bundle them (the build converts them itself).
  optimizeDeps: { include: ['@tracecart/units', '@tracecart/contracts/span-names', '@tracecart/contracts/evidence-names', '@tracecart/trace-analysis/share-definitions'] },
});
