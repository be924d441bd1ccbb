import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Libraries change less often than the app: ship them in their own long-cached chunks. Charts
 * (recharts and its dependencies) come first so that `@mantine` does not claim them: they load
 * only with the pages that draw a chart.
 */
const vendorChunks: Record<string, readonly string[]> = {
  react: ['react', 'react-dom', 'scheduler'],
  charts: ['@mantine/charts', 'recharts'],
  mantine: ['@mantine', '@floating-ui', 'react-remove-scroll', 'react-number-format', 'clsx'],
  data: ['react-router', '@tanstack'],
};

function vendorChunkOf(moduleId: string): string | undefined {
  const segments = moduleId.split(/[\\/]node_modules[\\/]/);
  if (segments.length < 2) return undefined;
  const packagePath = segments.at(-1) ?? '';
  return Object.keys(vendorChunks).find((chunk) =>
    vendorChunks[chunk]?.some((name) => packagePath.startsWith(`${name}/`)),
  );
}

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      output: { manualChunks: vendorChunkOf },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
  test: {
    name: 'web',
    root: webRoot,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: [fileURLToPath(new URL('./src/test/setup.ts', import.meta.url))],
    unstubGlobals: true,
    restoreMocks: true,
    // Full-page renders with user-event take a few seconds when the suite shares 2 cores with the server tests.
    testTimeout: 15_000,
  },
});
