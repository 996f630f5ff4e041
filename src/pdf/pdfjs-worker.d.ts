/** pdf.js's worker code (no declarations of its own): its message handler, run in the same thread (pdfjs.ts). */
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
