#!/usr/bin/env node
// Reports the gzip size of what each entry loads (first paint, then all lazy
// pages) and fails if the phone entry pulls in any Element Plus code.
// Reads dist/.vite/manifest.json, so run after `vite build`.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const dist = new URL('../dist/', import.meta.url).pathname
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))

function walk(key, { lazy }, seen = new Set()) {
  const chunk = manifest[key]
  if (!chunk || seen.has(key)) return seen
  seen.add(key)
  for (const k of chunk.imports ?? []) walk(k, { lazy }, seen)
  if (lazy) for (const k of chunk.dynamicImports ?? []) walk(k, { lazy }, seen)
  return seen
}

function filesOf(keys) {
  const files = new Set()
  for (const k of keys) {
    const c = manifest[k]
    files.add(c.file)
    for (const css of c.css ?? []) files.add(css)
  }
  return [...files]
}

function size(files) {
  let raw = 0
  let gz = 0
  for (const f of files) {
    const buf = readFileSync(join(dist, f))
    raw += buf.length
    gz += gzipSync(buf, { level: 9 }).length
  }
  return { raw, gz }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`
const entries = { console: 'index.html', phone: 'm/index.html' }
let failed = false

for (const [name, key] of Object.entries(entries)) {
  if (!manifest[key]) {
    console.error(`missing entry ${key} in manifest`)
    process.exit(1)
  }
  const initial = filesOf(walk(key, { lazy: false }))
  const all = filesOf(walk(key, { lazy: true }))
  const a = size(initial)
  const b = size(all)
  console.log(
    `${name.padEnd(8)} first load: ${kb(a.gz)} gzip (${kb(a.raw)} raw, ${initial.length} files); ` +
      `with all lazy pages: ${kb(b.gz)} gzip (${kb(b.raw)} raw, ${all.length} files)`,
  )
  if (name === 'phone') {
    for (const f of all) {
      const text = readFileSync(join(dist, f), 'utf8')
      const hit = f.endsWith('.css')
        ? /\.el-[a-z]/.exec(text)
        : /element-plus|ElConfigProvider|\bElMessage\b|"ElButton"|`ElButton`|el-button/.exec(text)
      if (hit) {
        console.error(`phone bundle file ${f} contains Element Plus code (${hit[0]})`)
        failed = true
      }
    }
  }
}

if (failed) process.exit(1)
console.log('phone bundle: no Element Plus code')
