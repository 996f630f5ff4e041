/**
 * `JSON.stringify` as Node has it, kept before pdf.js's legacy build is loaded: that build brings
 * core-js, which replaces it with a polyfill about twelve times slower (for what Node's own already
 * does: well-formed output). scripts/pdf-node.ts imports this first and puts it back.
 */
export const nativeStringify = JSON.stringify;
