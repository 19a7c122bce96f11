// The app calls /trpc on its own origin; Vite forwards it to the Aria server (ARIA_URL), so
// the browser needs no CORS setup in development. In production, serve Aria under the same
// origin or list the app's origin in Aria's CORS_ORIGINS and set VITE_ARIA_URL.
import { defineConfig } from 'vite';

const aria = process.env.ARIA_URL ?? 'http://localhost:8000';
const proxy = { '/trpc': { target: aria, changeOrigin: true } };

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    rollupOptions: {
      // TanStack Query marks its hooks "use client" (for React Server Components): not an error.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
