// Responses a page asked for before the app's script arrived (the share page's share-early.ts): the app's first
// request for each URL is answered with the response already on its way, once; later requests go to the network.
const early = new Map<string, Promise<Response>>();

/**
 * Starts a GET now, in the app's request mode (a `<link rel="preload" as="fetch">` of the URL is then used), and
 * returns it; the app, when it asks, gets a copy of its own.
 */
export function askEarly(url: string): Promise<Response> {
  const response = fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  // cloned as soon as it arrives, so the app and the early script each read a body of their own
  const forTheApp = response.then((r) => r.clone());
  forTheApp.catch(() => undefined); // a failure is the app's to report, when it asks
  early.set(new URL(url, window.location.href).href, forTheApp);
  return response;
}

/** The early response for this request, if one was asked for and not yet taken. */
export function takeEarly(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const response = early.get(request.url);
  early.delete(request.url);
  return response;
}
