import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// *.test.ts run in Node (model, engine, sim, lint, share); *.test.tsx run in jsdom (components).
// End-to-end tests (test/e2e) drive Chromium and run with npm run test:e2e, not here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/bench/**'],
          environment: 'node',
          // Simulator and property tests do seconds of work that take 5-10 times longer on the 2-core machine when
          // other jobs run (one took 25 s with two busy loops going). The limit only catches a hang; tests never
          // time anything themselves (speed targets are in npm run bench).
          testTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'jsdom',
          include: ['test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          environment: 'jsdom',
          setupFiles: ['test/setup-dom.ts'],
          // A component test renders the whole app (React Flow in jsdom, React's development build): 2.5–5.5 s per
          // render measured with other jobs running, and past 5 s with two busy loops on the 2-core machine. The
          // tests wait for what they assert (findBy/waitFor, whose own limit is raised in setup-dom.ts); this
          // limit only stops a test that hangs.
          testTimeout: 60_000,
        },
      },
    ],
  },
})
