import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The portal is served by the server at AFTERCARE_PORTAL_PATH (default /portal/); its assets and
// client-side routes live under that path. PORTAL_BASE overrides it for a static build hosted
// elsewhere (e.g. PORTAL_BASE=/ on https://help.example.com), together with
// VITE_AFTERCARE_API_URL=https://service.example.com/graphql (and AFTERCARE_CORS_ORIGINS on the server).
const base = process.env.PORTAL_BASE ?? process.env.AFTERCARE_PORTAL_PATH ?? '/portal/';
const apiPort = process.env.AFTERCARE_PORT ?? '3000';

export default defineConfig({
  base,
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
    port: Number(process.env.PORTAL_DEV_PORT ?? 5174),
    proxy: { '/graphql': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    reportCompressedSize: true,
  },
});
