/**
 * Share into Tingdu (Web Share Target): on Android, an installed Tingdu is offered in the share
 * sheet for text and for `.txt`/`.pdf` files, which land in the import flow.
 *
 * The manifest's `share_target` (SHARE_TARGET, used in vite.config.ts) POSTs a multipart form to
 * `./?share-target`. The service worker answers that request (`shareTargetRoute`, a Workbox route
 * added to the generated service worker): it keeps the shared text and files in the Cache Storage
 * under SHARED_CACHE and redirects to `./?share-target=received`. The page then takes them
 * (`takeShared`) and imports them like files chosen or text pasted, with the same checks and
 * messages. Files the cleaner cannot read (a PDF) are refused there, with the import's message.
 */

/** The query parameter of the share target's action. */
export const SHARE_PARAM = 'share-target';
/** Where the service worker keeps what was shared until the page takes it. */
export const SHARED_CACHE = 'tingdu-shared';

/** The manifest's `share_target` member. */
export const SHARE_TARGET = {
  action: `./?${SHARE_PARAM}`,
  method: 'POST' as const,
  enctype: 'multipart/form-data',
  params: {
    title: 'title',
    text: 'text',
    url: 'url',
    files: [{ name: 'file', accept: ['text/plain', '.txt', 'application/pdf', '.pdf'] }],
  },
};

/**
 * The service worker's route for the share target's POST, as Workbox `runtimeCaching` takes it.
 * Workbox writes these functions into the generated service worker as their source text, so they
 * use nothing from this module: the names above are written out again inside them.
 */
export const shareTargetRoute = {
  urlPattern: ({ url, request }: { url: URL; request: Request }): boolean =>
    request.method === 'POST' && url.searchParams.has('share-target'),
  method: 'POST' as const,
  handler: async ({ request }: { request: Request }): Promise<Response> => {
    const form = await request.formData();
    const cache = await caches.open('tingdu-shared');
    for (const old of await cache.keys()) await cache.delete(old);
    let n = 0;
    for (const file of form.getAll('file')) {
      if (typeof file === 'string') continue;
      const headers = { 'content-type': file.type || 'application/octet-stream', 'x-shared-kind': 'file', 'x-shared-name': encodeURIComponent(file.name) };
      await cache.put(new URL(`shared/${n++}`, request.url).href, new Response(file, { headers }));
    }
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const text = [field('text'), field('url')].filter((s) => s !== '').join('\n');
    if (text !== '') {
      const headers = { 'content-type': 'text/plain;charset=utf-8', 'x-shared-kind': 'text', 'x-shared-name': encodeURIComponent(field('title')) };
      await cache.put(new URL(`shared/${n++}`, request.url).href, new Response(text, { headers }));
    }
    return Response.redirect(new URL('./?share-target=received', request.url).href, 303);
  },
};

/** What was shared, as the importer takes it (src/library/import.ts `ImportSource`). */
export type SharedSource = { kind: 'file'; name: string; file: Blob } | { kind: 'text'; name: string; text: string };

/**
 * What another app shared with this page load, taken once: the files and text the service worker
 * kept, or (a GET share, without the service worker) the query's `text`. The query is removed from
 * the address so that a reload does not import again. `textName` names shared text without a title.
 */
export async function takeShared(textName: string): Promise<SharedSource[]> {
  const url = new URL(location.href);
  if (!url.searchParams.has(SHARE_PARAM)) return [];
  const sources: SharedSource[] = [];
  const queryText = url.searchParams.get('text');
  if (queryText?.trim()) sources.push({ kind: 'text', name: url.searchParams.get('title')?.trim() || textName, text: queryText });
  url.search = '';
  history.replaceState(history.state, '', url.href);
  if (typeof caches === 'undefined') return sources;
  try {
    const cache = await caches.open(SHARED_CACHE);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const name = decodeURIComponent(response.headers.get('x-shared-name') ?? '');
      if (response.headers.get('x-shared-kind') === 'text') sources.push({ kind: 'text', name: name || textName, text: await response.text() });
      else sources.push({ kind: 'file', name: name || textName, file: await response.blob() });
    }
    await caches.delete(SHARED_CACHE);
  } catch {
    // Storage refused (private mode): nothing was kept to take.
  }
  return sources;
}
