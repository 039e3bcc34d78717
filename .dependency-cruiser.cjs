// The layer table of docs/architecture.md, checked on every `npm run lint`: each folder imports only the layers
// its row allows. dependency-cruiser resolves every import (multi-line, `export … from`, dynamic `import()`,
// `import type`), so a rule cannot be dodged by how an import is written. Folders that do not exist yet
// (src/activities) have their rows too, so the rule holds the day they appear.

/** Ours: everything under these roots. A rule's `to` is narrowed to ours, so npm packages pass unless named. */
const OURS = '^(src|worker|cli|relay)/'
/** The UI libraries the model, the engine, the worker and the React-free exporters never load (resolved paths). */
const UI_PACKAGES = '(^|/)node_modules/(react|react-dom|zustand|@xyflow/[^/]+|html-to-image|idb-keyval)/'
/**
 * The worker's vocabulary, which the page may load: the engine's shapes and disposition codes, and a problem's
 * shape and key. Plain data and constants, no engine code. Anything else of the worker the page imports as types.
 */
const WORKER_VOCABULARY = '^worker/(engine/types|lint/problem)\\.ts$'
/** The React-free drawing the canvas and the SVG export share (the look of each kind, the drawn boxes and lines). */
const DRAWING = '^src/share/drawing/'

/** A folder that may import only the given roots of ours (its own folder is always allowed). */
function onlyImports(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: OURS, pathNot: [from, ...allowed] },
  }
}

/** A page layer: the given roots, plus the worker's vocabulary and types of anything in the worker. */
function pageLayer(name, from, allowed, comment) {
  return [
    onlyImports(name, from, [...allowed, '^worker/'], comment),
    {
      name: `${name}-worker-code`,
      comment: `${comment} The engine runs in the worker: the page imports its vocabulary, and only types of the rest.`,
      severity: 'error',
      from: { path: from },
      to: { path: '^worker/', pathNot: WORKER_VOCABULARY, dependencyTypesNot: ['type-only'] },
    },
  ]
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle between modules makes neither one testable alone.',
      severity: 'error',
      from: { path: OURS },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file is a typo or a missing package.',
      severity: 'error',
      from: { path: OURS },
      to: { couldNotResolve: true },
    },
    {
      name: 'core-without-ui',
      comment:
        'The model, the worker, the importers, the layout and the exporters run in a worker and in the CLI: no React, React Flow, zustand or DOM helpers.',
      severity: 'error',
      from: { path: '^(src/(model|import|layout|share)|worker)/' },
      to: { path: UI_PACKAGES },
    },
    {
      name: 'page-without-node',
      comment: 'Everything under src/ and worker/ runs in the browser: no Node built-ins (the CLI may use them).',
      severity: 'error',
      from: { path: '^(src|worker)/' },
      to: { dependencyTypes: ['core'] },
    },

    onlyImports('model', '^src/model/', [], 'src/model is the document: it imports nothing of ours.'),
    onlyImports('engine', '^worker/engine/', ['^src/model/'], 'worker/engine imports src/model only.'),
    onlyImports(
      'sim',
      '^worker/sim/',
      ['^worker/engine/', '^src/model/'],
      'worker/sim imports the engine and the model.',
    ),
    onlyImports(
      'lint',
      '^worker/lint/',
      ['^worker/engine/', '^src/model/'],
      'worker/lint imports the engine and the model.',
    ),
    onlyImports(
      'verify',
      '^worker/verify/',
      ['^worker/engine/', '^src/model/'],
      'worker/verify imports the engine and the model.',
    ),
    onlyImports(
      'worker-surface',
      '^worker/[^/]+$',
      ['^worker/', '^src/model/'],
      'The comlink surface and its helpers (worker/*.ts) import the worker folders and the model, nothing of the page.',
    ),
    onlyImports('import', '^src/import/', ['^src/model/'], 'src/import is pure: it imports src/model only.'),
    onlyImports('layout', '^src/layout/', ['^src/model/'], 'src/layout imports src/model only.'),
    onlyImports(
      'share',
      '^src/share/',
      ['^src/model/'],
      'src/share imports src/model only (the canvas imports its drawing).',
    ),

    ...pageLayer('store', '^src/store/', ['^src/model/'], 'src/store imports src/model.'),
    ...pageLayer(
      'canvas',
      '^src/canvas/',
      ['^src/model/', '^src/store/', DRAWING],
      'src/canvas imports src/model, src/store and the React-free drawing it shares with the SVG export.',
    ),
    ...pageLayer(
      'panels',
      '^src/panels/',
      ['^src/model/', '^src/store/', '^src/share/', '^src/lessons/', '^src/activities/'],
      'src/panels imports src/model and src/store, the React-free exporters its share dialogs call, the lessons its lesson tab shows and the activities its activity tab runs; never src/app (the engine client comes through the stores’ context) nor src/canvas.',
    ),
    ...pageLayer(
      'lessons',
      '^src/lessons/',
      ['^src/model/', '^src/store/'],
      'src/lessons imports src/model and src/store.',
    ),
    ...pageLayer(
      'activities',
      '^src/activities/',
      ['^src/model/', '^src/store/', '^src/lessons/'],
      'src/activities imports src/model, src/store and the lessons’ edits and packets it reuses.',
    ),
    ...pageLayer(
      'live',
      '^src/live/',
      ['^src/model/', '^src/store/', '^src/lessons/'],
      'src/live imports src/model, src/store and the lesson runner whose steps followers follow.',
    ),
    {
      name: 'live-keys-pure',
      comment: 'The room keys run in the relay too: no React, no stores, nothing of ours.',
      severity: 'error',
      from: { path: '^src/live/roomKeys\\.ts$' },
      to: { path: [OURS, UI_PACKAGES] },
    },
    onlyImports(
      'relay',
      '^relay/',
      ['^src/live/roomKeys\\.ts$'],
      'The relay (Node) imports the room keys and nothing else of ours: it never parses or stores designs.',
    ),
    {
      name: 'relay-without-ui',
      comment: 'The relay is a Node server: it never loads React, React Flow or zustand, however indirectly.',
      severity: 'error',
      from: { path: '^relay/' },
      to: { path: UI_PACKAGES, reachable: true },
    },
    onlyImports(
      'app',
      '^src/app/',
      ['^src/', '^worker/'],
      'src/app may import everything in src/ (and starts the worker).',
    ),
    onlyImports(
      'cli',
      '^cli/',
      ['^src/model/', '^worker/', '^src/import/', '^src/share/', '^src/activities/', '^src/lessons/'],
      'cli imports the model, the worker folders, the importers, the React-free exporters and the activities.',
    ),
    {
      name: 'cli-without-react',
      comment: 'The command line never loads React, React Flow or zustand, however indirectly.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: UI_PACKAGES, reachable: true },
    },
  ],
  options: {
    // TypeScript 7 ships no compiler API for dependency-cruiser to parse with, and its swc parser reads no TSX:
    // Babel strips the types (keeping every import that is not `import type`), acorn reads the rest.
    babelConfig: { fileName: '.dependency-cruiser.babel.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|public)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // packages without exports name their ES module in "module" (@xapi/cmi5), as bundlers read it
      mainFields: ['module', 'main'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
}
