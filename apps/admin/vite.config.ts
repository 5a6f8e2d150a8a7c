import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// `pnpm dev`: Vite with hot reload; /graphql goes to the dev server (AFTERCARE_PORT, default 3000),
// so the session cookie is first-party exactly as in production, where the server serves dist/.
const apiPort = process.env.AFTERCARE_PORT ?? '3000';

export default defineConfig({
  // Brotli and gzip copies of every asset, made once at build time; the server sends the smallest the browser accepts.
  plugins: [vue(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.ADMIN_DEV_PORT ?? 5173),
    proxy: { '/graphql': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    // The build report (sizes per chunk, gzipped) is what the README's bundle numbers come from.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 800,
  },
});
