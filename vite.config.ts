import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/**
 * A strict Content-Security-Policy in the built page. Nothing loads from elsewhere: designs arrive by
 * file or in the URL fragment, never from a server. The one connection out is a live session's websocket, to the
 * relay the user named (in the Live menu, or in the session link they opened): any ws:/wss: address, since a
 * class's relay is wherever the trainer runs it. Only the build gets the policy, because the dev server's React
 * refresh preamble is an inline script that the policy would block.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob: ws: wss:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  // the engine runs in a module worker, emitted as its own chunk
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
})
