import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';

/**
 * Prometheus text metrics kept in process memory: request counts and a latency histogram per
 * route pattern (never per raw URL, which would grow without bound).
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Series {
  method: string;
  route: string;
  count: number;
  sum: number;
  buckets: number[];
  byStatus: Map<number, number>;
}

/**
 * The metrics name every route and how often each answered each status (failed sign-ins, admin
 * activity), so they are not public: see `metricsGuard`.
 */
export class Metrics {
  /** One series per method and route pattern, the counts per status inside it. */
  private series = new Map<string, Series>();
  private gauges: { name: string; help: string; read: () => number }[] = [];
  readonly startedAt = Date.now();

  /** A value read when the metrics are rendered (the read cache's size). */
  gauge(name: string, help: string, read: () => number) {
    this.gauges.push({ name, help, read });
  }

  observe(method: string, route: string, status: number, seconds: number) {
    const key = `${method} ${route}`;
    let s = this.series.get(key);
    if (!s) {
      s = { method, route, count: 0, sum: 0, buckets: BUCKETS.map(() => 0), byStatus: new Map() };
      this.series.set(key, s);
    }
    s.count += 1;
    s.sum += seconds;
    for (let i = BUCKETS.length - 1; i >= 0 && seconds <= BUCKETS[i]; i--) s.buckets[i] += 1;
    s.byStatus.set(status, (s.byStatus.get(status) ?? 0) + 1);
  }

  render(): string {
    const lines = [
      '# HELP kizuna_http_requests_total HTTP requests by route and status.',
      '# TYPE kizuna_http_requests_total counter',
    ];
    const labels = (s: Series) => `method="${s.method}",route="${s.route}"`;
    for (const s of this.series.values())
      for (const [status, n] of s.byStatus)
        lines.push(`kizuna_http_requests_total{${labels(s)},status="${status}"} ${n}`);
    lines.push(
      '# HELP kizuna_http_request_duration_seconds HTTP request latency.',
      '# TYPE kizuna_http_request_duration_seconds histogram',
    );
    for (const s of this.series.values()) {
      const k = labels(s);
      for (const [i, b] of BUCKETS.entries())
        lines.push(`kizuna_http_request_duration_seconds_bucket{${k},le="${b}"} ${s.buckets[i]}`);
      lines.push(`kizuna_http_request_duration_seconds_bucket{${k},le="+Inf"} ${s.count}`);
      lines.push(`kizuna_http_request_duration_seconds_sum{${k}} ${s.sum}`);
      lines.push(`kizuna_http_request_duration_seconds_count{${k}} ${s.count}`);
    }
    const mem = process.memoryUsage();
    lines.push(
      '# HELP kizuna_process_resident_memory_bytes Resident memory.',
      '# TYPE kizuna_process_resident_memory_bytes gauge',
      `kizuna_process_resident_memory_bytes ${mem.rss}`,
      '# HELP kizuna_process_uptime_seconds Seconds since the server started.',
      '# TYPE kizuna_process_uptime_seconds gauge',
      `kizuna_process_uptime_seconds ${((Date.now() - this.startedAt) / 1000).toFixed(0)}`,
    );
    for (const g of this.gauges)
      lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`, `${g.name} ${g.read()}`);
    return `${lines.join('\n')}\n`;
  }

  middleware() {
    return createMiddleware(async (c, next) => {
      const start = performance.now();
      await next();
      const route = c.req.path.startsWith('/api') ? handlerRoute(c) : 'other';
      this.observe(c.req.method, route, c.res.status, (performance.now() - start) / 1000);
    });
  }
}

/**
 * The pattern of the route that answers the request (`/api/organizations/:id`), also when a
 * middleware answered first (a read cache hit): the first matched route that is not a
 * middleware. Without one (no such route), the pattern of the last step that ran.
 */
function handlerRoute(c: Context): string {
  const routes = matchedRoutes(c);
  for (const r of routes) if (r.method !== 'ALL') return r.path;
  return routes[c.req.routeIndex]?.path ?? '';
}
