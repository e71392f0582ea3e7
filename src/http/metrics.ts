import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';

/**
 * Prometheus text metrics kept in process memory: request counts and a latency histogram per
 * route pattern (never per raw URL, which would grow without bound).
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

export class Metrics {
  private requests = new Map<string, number>();
  private durations = new Map<string, Series>();
  readonly startedAt = Date.now();

  observe(method: string, route: string, status: number, seconds: number) {
    const key = `method="${method}",route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const dkey = `method="${method}",route="${route}"`;
    const s = this.durations.get(dkey) ?? { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
    s.count += 1;
    s.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) s.buckets[i] += 1;
    });
    this.durations.set(dkey, s);
  }

  render(): string {
    const lines = [
      '# HELP kizuna_http_requests_total HTTP requests by route and status.',
      '# TYPE kizuna_http_requests_total counter',
      ...[...this.requests].map(([k, v]) => `kizuna_http_requests_total{${k}} ${v}`),
      '# HELP kizuna_http_request_duration_seconds HTTP request latency.',
      '# TYPE kizuna_http_request_duration_seconds histogram',
    ];
    for (const [k, s] of this.durations) {
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
    return `${lines.join('\n')}\n`;
  }

  middleware() {
    return createMiddleware(async (c, next) => {
      const start = performance.now();
      await next();
      const route = c.req.path.startsWith('/api') ? routePath(c) : 'other';
      this.observe(c.req.method, route, c.res.status, (performance.now() - start) / 1000);
    });
  }
}
