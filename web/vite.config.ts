/// <reference types="vitest/config" />
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import type { Connect, Plugin } from 'vite'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { VantResolver } from '@vant/auto-import-resolver'

/** Every `<pkg dir>/<component>/<style file>` the library ships, as import ids (dev pre-bundling). */
function componentStyles(dir: string, file: string, id: string): string[] {
  const root = fileURLToPath(new URL(`./node_modules/${dir}/`, import.meta.url))
  try {
    return readdirSync(root)
      .filter((name) => existsSync(`${root}${name}/${file}`))
      .map((name) => `${dir}/${name}/${id}`)
  } catch {
    return []
  }
}

const API_TARGET = process.env.CME_API_TARGET ?? 'http://127.0.0.1:8000'

/**
 * Two single-page apps share one server: the console at "/" and the phone
 * pages at "/m/". Vite's SPA fallback would send every unknown path (also
 * "/m/anything") to the console's index.html, so deep links under /m/ are
 * rewritten to the phone entry first (dev server and `vite preview`).
 */
function phoneHistoryFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const url = req.url ?? ''
    const path = url.split('?')[0]
    const accept = req.headers.accept ?? ''
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      (path === '/m' || path.startsWith('/m/')) &&
      !path.slice(path.lastIndexOf('/')).includes('.') &&
      accept.includes('text/html')
    ) {
      req.url = '/m/index.html'
    }
    next()
  }
  return {
    name: 'cme-phone-history-fallback',
    configureServer(server) {
      server.middlewares.use(rewrite)
    },
    configurePreviewServer(server) {
      server.middlewares.use(rewrite)
    },
  }
}

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    Components({
      // Only components used in templates are imported, each with its own CSS.
      // Element Plus components only appear in src/console, Vant only in src/phone.
      resolvers: [ElementPlusResolver({ importStyle: 'css' }), VantResolver()],
      dts: 'src/components.d.ts',
    }),
    phoneHistoryFallback(),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  optimizeDeps: {
    // Pre-bundle the on-demand component styles up front, so the dev server does not
    // discover them page by page and reload the browser ("Outdated Optimize Dep").
    include: [
      'vue',
      'vue-router',
      'element-plus/es',
      'element-plus/es/locale/lang/zh-cn',
      '@element-plus/icons-vue',
      'vant/es',
      ...componentStyles('element-plus/es/components', 'style/css.mjs', 'style/css'),
      ...componentStyles('vant/es', 'style/index.mjs', 'style/index'),
    ],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: true },
      // The local system's outbox page (emails sent through moto).
      '/_local': { target: API_TARGET, changeOrigin: true },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: true },
    },
  },
  build: {
    // The phone pages serve the phones hospital staff carry: iOS 13 and Android WebView/Chrome 69 (issue #15),
    // ES2019 syntax; the console shares the chunks (vue), so one target for both. Runtime APIs newer than these
    // are polyfilled in src/phone/polyfills.ts where the phone pages use them (scripts/legacy-check.mjs lists them).
    target: ['es2019', 'chrome69', 'safari13'],
    outDir: 'dist',
    manifest: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        phone: fileURLToPath(new URL('./m/index.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            // Vue and the router are the only libraries both entries share.
            { name: 'vue', test: /[\\/]node_modules[\\/](@vue|vue|vue-router)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
    unstubGlobals: true,
    // Element Plus and Vant import their CSS from their modules: let Vite load it (as nothing) for specs that
    // mount a component.
    server: { deps: { inline: ['element-plus', 'vant'] } },
  },
})
