/**
 * The runtime APIs the phone pages use that their oldest browsers (iOS 13 Safari, Chrome/WebView 69) lack, filled
 * in before anything else runs (main.ts imports this first). Only what the built /m/ chunks actually use
 * (scripts/legacy-check.mjs finds them; tests/infra/test_phone_legacy.py fails on an unfilled one): no core-js.
 */

/** The APIs filled here, by the names scripts/legacy-check.mjs gives them. */
export const POLYFILLED = ['globalThis'] as const

// globalThis: Chrome 71, iOS 12.1. Our `globalThis.crypto` (client ids) would throw a ReferenceError on Chrome 69.
if (typeof globalThis === 'undefined') {
  ;(window as unknown as { globalThis: Window }).globalThis = window
}
