import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The service serves dist/ at / (src/http/console.ts); `npm run dev` proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', assetsInlineLimit: 0, sourcemap: false },
  server: {
    proxy: Object.fromEntries(
      ['/v1', '/verify', '/.well-known'].map((p) => [p, process.env.API_URL ?? 'http://127.0.0.1:3000']),
    ),
  },
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
