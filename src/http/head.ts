interface Fetcher {
  // biome-ignore lint/suspicious/noExplicitAny: the adapter's extra arguments (env, execution context) pass through
  fetch: (request: Request, ...rest: any[]) => Response | Promise<Response>;
}

/**
 * HEAD answers with the head of the GET: the same status and headers (security headers, ETag,
 * cache state) and the length of the body it leaves out. Hono answers HEAD by copying a GET
 * answer's init into a new body-less Response, which lost the headers that middleware had set
 * and the Content-Length.
 */
export function headKeepsHeaders(app: Fetcher) {
  const fetch = app.fetch;
  app.fetch = async (request, ...rest) => {
    if (request.method !== 'HEAD') return fetch(request, ...rest);
    const res = await fetch(new Request(request, { method: 'GET' }), ...rest);
    const headers = new Headers(res.headers);
    if (res.body && !headers.has('content-length'))
      headers.set('content-length', String((await res.arrayBuffer()).byteLength));
    else await res.body?.cancel();
    return new Response(null, { status: res.status, statusText: res.statusText, headers });
  };
}
