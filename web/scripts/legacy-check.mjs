#!/usr/bin/env node
// Checks what the phone pages (/m/) load against the oldest phones they serve: iOS 13 Safari and Chrome/WebView 69.
// Reads dist/.vite/manifest.json (run after `vite build`), walks the phone entry's static and dynamic imports and
// prints one JSON object: the files checked, the syntax newer than ES2019 found in them (dynamic import() is allowed:
// Chrome 63 / Safari 11.1), regular expressions with lookbehind (iOS 16.4), the runtime APIs newer than the targets
// each file uses and whether the phone's polyfills cover them, and the first load's gzip size.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { parse } from 'acorn'

const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const ENTRY = 'm/index.html'

function walk(key, lazy, seen = new Set()) {
  const chunk = manifest[key]
  if (!chunk || seen.has(key)) return seen
  seen.add(key)
  for (const k of chunk.imports ?? []) walk(k, lazy, seen)
  if (lazy) for (const k of chunk.dynamicImports ?? []) walk(k, lazy, seen)
  return seen
}

const files = (keys, css) => [
  ...new Set([...keys].flatMap((k) => [manifest[k].file, ...(css ? (manifest[k].css ?? []) : [])])),
]

// ES2020 forms acorn parses at ecmaVersion 2020 that the targets lack (anything newer does not parse at all).
function es2020Nodes(ast) {
  const found = []
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return
    if (node.type === 'ChainExpression') found.push(['optional chaining ?.', node.start])
    else if (node.type === 'LogicalExpression' && node.operator === '??') found.push(['nullish coalescing ??', node.start])
    else if (node.type === 'Literal' && node.bigint !== undefined) found.push(['BigInt literal', node.start])
    else if (node.type === 'MetaProperty' && node.meta.name === 'import') found.push(['import.meta', node.start])
    else if (node.type === 'ExportAllDeclaration' && node.exported) found.push(['export * as ns', node.start])
    else if (node.type === 'Literal' && node.regex && /\(\?<[=!]/.test(node.regex.pattern))
      found.push(['regular expression lookbehind (iOS 16.4)', node.start])
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value)
    }
  }
  visit(ast)
  return found
}

// Runtime APIs newer than iOS 13 / Chrome 69, as they appear in minified code; `polyfilled` ones are provided by
// src/phone/polyfills.ts before anything else runs.
const APIS = [
  ['Object.fromEntries', /\bObject\.fromEntries\b/],
  ['String.prototype.replaceAll', /\.replaceAll\(/],
  ['String.prototype.matchAll', /\.matchAll\(/],
  ['Promise.allSettled', /\bPromise\.allSettled\b/],
  ['Promise.any', /\bPromise\.any\b/],
  ['globalThis', /\bglobalThis\b/],
  ['structuredClone', /\bstructuredClone\(/],
  ['Array.prototype.at', /[\w\])]\.at\(-?[\w.]+\)/],
  ['Array.prototype.findLast', /\.findLast(Index)?\(/],
  ['Array.prototype.toSorted/toReversed/with', /\.(toSorted|toReversed|toSpliced)\(/],
  ['Object.hasOwn', /\bObject\.hasOwn\(/],
  ['Object.groupBy', /\b(Object|Map)\.groupBy\(/],
  ['queueMicrotask', /\bqueueMicrotask\(/],
  ['WeakRef / FinalizationRegistry', /\bnew (WeakRef|FinalizationRegistry)\(/],
  ['AbortSignal.timeout', /\bAbortSignal\.timeout\(/],
  ['Element.replaceChildren', /\.replaceChildren\(/],
  ['ResizeObserver', /\bnew ResizeObserver\(/],
]

const polyfills = readPolyfills()
function readPolyfills() {
  try {
    const src = readFileSync(new URL('../src/phone/polyfills.ts', import.meta.url), 'utf8')
    const m = /POLYFILLED\s*=\s*\[([^\]]*)\]/.exec(src)
    return m ? [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]) : []
  } catch {
    return []
  }
}

const lazyFiles = files(walk(ENTRY, true), false)
const report = { entry: ENTRY, files: lazyFiles, syntax: [], importMeta: [], apis: [], polyfilled: polyfills, firstLoadGzip: 0 }
for (const f of lazyFiles) {
  const text = readFileSync(join(dist, f), 'utf8')
  for (const [api, re] of APIS) {
    const m = re.exec(text)
    if (m) {
      const ok = api === 'ResizeObserver' ? /typeof ResizeObserver|"ResizeObserver"in /.test(text) : false
      report.apis.push({ file: f, api, guarded: ok, polyfilled: polyfills.includes(api), snippet: text.slice(Math.max(0, m.index - 40), m.index + 40) })
    }
  }
  let ast
  try {
    ast = parse(text, { ecmaVersion: 2020, sourceType: 'module' })
  } catch (e) {
    report.syntax.push({ file: f, feature: `newer than ES2020: ${e.message}`, snippet: '' })
    continue
  }
  for (const [feature, at] of es2020Nodes(ast)) {
    // import.meta is ES2020 but older than the targets' module support needs (Chrome 64, Safari 11.1): listed apart
    // (Vite's preload helper reads import.meta.url), for the test to allow where it is expected.
    if (feature === 'import.meta') report.importMeta.push({ file: f, snippet: text.slice(Math.max(0, at - 30), at + 50) })
    else report.syntax.push({ file: f, feature, snippet: text.slice(Math.max(0, at - 30), at + 50) })
  }
}
for (const f of files(walk(ENTRY, false), true)) report.firstLoadGzip += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length
console.log(JSON.stringify(report, null, 1))
