import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from './support/app.ts';
import { ENGINES } from './support/db.ts';

/**
 * "No request of any shape makes the server answer 500 or crash." Every operation of the
 * OpenAPI document gets generated junk: path values, query strings, bodies, content types and
 * headers, anonymously and as a signed-in admin. Whatever the server answers must be below 500,
 * and every 4xx must be an RFC 9457 problem with a stable code.
 */

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  body: Json | null;
}

/** Runs per operation and identity; FUZZ_RUNS=1000 for a long hunt (800 on SQLite, 400 on PostgreSQL found nothing more). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Operations listed by a throwaway app: the test names are known before the databases are. */
async function listOperations(): Promise<{ ops: Operation[]; doc: Json }> {
  const t = await testApp('sqlite', { seed: false });
  try {
    const doc = (await (await t.req('/openapi.json')).json()) as Json;
    const ops: Operation[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        const body = op.requestBody as { content?: Record<string, { schema: Json }> } | undefined;
        ops.push({
          method: method.toUpperCase(),
          path,
          params: (op.parameters as Operation['params']) ?? [],
          body: body?.content?.['application/json']?.schema ?? null,
        });
      }
    }
    return { ops, doc };
  } finally {
    await t.close();
  }
}

const { ops: OPERATIONS, doc: DOC } = await listOperations();

/** Values the server knows, so that generated requests sometimes get past the first check. */
const KNOWN = [
  'VN-HANOI',
  'JP-27',
  'JP-27-SAKAI',
  'VN-DA-NANG',
  'locality',
  'organization',
  'agriculture.high_tech',
  'mou',
  'admin',
  'editor',
  '2024-13',
  '2024-02-30',
  '2024-02',
  'https://example.org/x',
  'javascript:alert(1)',
  'x@example.org',
];

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...KNOWN, '', ' ', '..', '%00', '\u0000', '\uFEFF', '🇻🇳🇯🇵', '大阪府', 'Đà Nẵng'),
  fc.constantFrom('a'.repeat(5000), 'ẫ'.repeat(3000), '9'.repeat(400)),
);

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.5),
  nastyString,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
);

function resolveRef(schema: Json): Json {
  const ref = schema.$ref as string | undefined;
  if (!ref) return schema;
  const name = ref.replace('#/components/schemas/', '');
  return resolveRef((DOC.components as { schemas: Record<string, Json> }).schemas[name]);
}

/** A value shaped like the schema, where any part may be of the wrong type. */
function fromSchema(raw: Json, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveRef(raw);
  if (depth > 4) return junkValue;
  const typed: fc.Arbitrary<unknown>[] = [];
  if (Array.isArray(s.enum)) typed.push(fc.constantFrom(...(s.enum as unknown[])));
  if (s.const !== undefined) typed.push(fc.constant(s.const));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (Array.isArray(s[key])) for (const sub of s[key] as Json[]) typed.push(fromSchema(sub, depth + 1));
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : [];
  for (const type of types) {
    if (type === 'string')
      typed.push(fc.oneof(nastyString, fc.constantFrom(...KNOWN), fc.string({ maxLength: 12 })));
    if (type === 'integer' || type === 'number')
      typed.push(fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double(), fc.constant(1e300)));
    if (type === 'boolean') typed.push(fc.boolean());
    if (type === 'null') typed.push(fc.constant(null));
    if (type === 'array')
      typed.push(fc.array(fromSchema((s.items as Json) ?? {}, depth + 1), { maxLength: 4 }));
    if (type === 'object' || s.properties) {
      const props = Object.entries((s.properties as Record<string, Json>) ?? {});
      typed.push(
        fc
          .tuple(
            fc.record(Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, depth + 1)])), {
              requiredKeys: [],
            }),
            fc.dictionary(nastyString, junkValue, { maxKeys: 2 }),
            fc.boolean(),
          )
          .map(([known, extra, addExtra]) => (addExtra ? { ...extra, ...known } : known)),
      );
    }
  }
  if (!typed.length) return junkValue;
  return fc.oneof({ weight: 1, arbitrary: junkValue }, { weight: 12, arbitrary: fc.oneof(...typed) });
}

/** Header values a real client can send: no CR, LF or NUL, Latin-1 only. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom('"1"', 'W/"1"', '*', '"0"', '"-1"', '"999999999"', '"99999999999"', '1', 'null', ''),
);

interface Shape {
  pathValues: Record<string, { value: string; encode: boolean }>;
  query: [string, string][];
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown; contentType: string }
    | { kind: 'text'; text: string; contentType: string | null };
  ifMatch: string | null;
  authorization: string | null;
  cookie: string | null;
}

/** Valid bodies: a mutation of one of their fields gets past validation into the service code. */
const VALID: Record<string, Json> = {
  'POST /api/agreements': {
    kind: 'mou',
    kindDetail: 'memorandum on fuzzing',
    fields: ['agriculture.high_tech'],
    signedOn: '2026-03',
    parties: [
      { type: 'locality', code: 'VN-SON-LA' },
      { type: 'locality', code: 'JP-06' },
    ],
    sources: [{ url: 'https://example.org/news/1', note: 'test record' }],
  },
  'PATCH /api/agreements/{id}': { status: 'planned', note: 'changed' },
  'POST /api/organizations': {
    kind: 'company',
    name: { en: 'Fuzz Co.' },
    localityCode: 'VN-HANOI',
    sectors: ['agriculture.high_tech'],
  },
  'PATCH /api/organizations/{id}': { name: { ja: 'ファズ' }, website: 'https://example.org' },
  'POST /api/localities': { code: 'JP-27-FUZZ', parentCode: 'JP-27', name: { en: 'Fuzz' } },
  'PATCH /api/localities/{code}': { adminCenter: 'centre', lat: 10.5, lon: 106.7 },
  'POST /api/users': { email: 'fuzz@example.org', role: 'editor', scopes: ['VN-HANOI'] },
  'PATCH /api/users/{id}': { role: 'editor', scopes: ['JP-27'] },
  'POST /api/tokens': { name: 'fuzz' },
  'POST /api/auth/login': { email: 'fuzz@example.org', password: 'wrong password' },
  'POST /api/auth/password': { currentPassword: 'wrong', newPassword: 'a much longer new secret' },
};

function mutated(valid: Json, schema: Json): fc.Arbitrary<unknown> {
  const props = (resolveRef(schema).properties as Record<string, Json> | undefined) ?? {};
  const keys = [...new Set([...Object.keys(valid), ...Object.keys(props)])];
  return fc.oneof(
    fc.constant(valid),
    fc.tuple(fc.constantFrom(...keys), fc.integer({ min: 0, max: 4 })).chain(([key, dice]) =>
      (props[key] ? fromSchema(props[key]) : junkValue).map((value) => {
        const out: Json = { ...valid };
        if (dice === 0) delete out[key];
        else out[key] = value;
        return out;
      }),
    ),
  );
}

const pathValue = (known: string[]) =>
  fc.oneof(
    fc.record({ value: fc.constantFrom(...known), encode: fc.constant(true) }),
    fc.record({ value: nastyString.filter((s) => s.length > 0), encode: fc.constant(true) }),
    fc.record({
      value: fc.constantFrom('..', '.', '%00', '%', '%zz', '%c3%28', '%E0%A4%A', '%2F', 'a%2Fb', '~'),
      encode: fc.constant(false),
    }),
  );

function shapeFor(op: Operation, known: string[]): fc.Arbitrary<Shape> {
  const queryNames = op.params.filter((p) => p.in === 'query').map((p) => p.name);
  const queryPair = fc.tuple(
    queryNames.length ? fc.oneof(fc.constantFrom(...queryNames), nastyString) : nastyString,
    fc.oneof(nastyString, fc.integer().map(String), fc.constantFrom('csv', 'json', '0', '-1', '201', 'true')),
  );
  const jsonTypes = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'APPLICATION/JSON',
  );
  const otherTypes = fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=x',
    'application/xml',
    ';;;',
  );
  const body: fc.Arbitrary<Shape['body']> = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue(), contentType: jsonTypes }),
    ...(op.body
      ? [
          fc.record({
            kind: fc.constant('json' as const),
            value: fromSchema(op.body),
            contentType: jsonTypes,
          }),
          ...(VALID[`${op.method} ${op.path}`]
            ? [
                fc.record({
                  kind: fc.constant('json' as const),
                  value: mutated(VALID[`${op.method} ${op.path}`], op.body),
                  contentType: jsonTypes,
                }),
              ]
            : []),
          fc.record({
            kind: fc.constant('json' as const),
            value: fromSchema(op.body),
            contentType: otherTypes,
          }),
        ]
      : []),
    fc.record({
      kind: fc.constant('text' as const),
      text: fc.oneof(fc.string(), fc.constantFrom('', '{', '{"a":', 'null', '[1,2', '\uFEFF{}', 'a=1&b=2')),
      contentType: fc.option(fc.oneof(jsonTypes, otherTypes)),
    }),
  );
  const pathNames = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  return fc.record({
    pathValues: fc.record(Object.fromEntries(pathNames.map((n) => [n, pathValue(known)]))) as fc.Arbitrary<
      Shape['pathValues']
    >,
    query: fc.array(queryPair, { maxLength: 5 }),
    body,
    ifMatch: fc.option(headerValue),
    // Any Authorization replaces the session, so it is sent on a few requests only.
    authorization: fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          headerValue,
          headerValue.map((v) => `Bearer ${v}`),
          fc.constantFrom('Bearer', 'Bearer ', 'Basic YTpi', 'bearer kzn_0000'),
        ),
      },
    ),
    cookie: fc.option(
      fc.oneof(
        headerValue,
        headerValue.map((v) => `kizuna_session=${v}`),
        fc.constantFrom('kizuna_session=', 'kizuna_session="', 'kizuna_session=%zz;;'),
      ),
    ),
  });
}

function requestOf(op: Operation, shape: Shape, identity: Record<string, string>): Request | null {
  let path = op.path;
  for (const [name, { value, encode }] of Object.entries(shape.pathValues))
    path = path.replace(`{${name}}`, encode ? encodeURIComponent(value) : value);
  const query = new URLSearchParams(shape.query).toString();
  const headers = new Headers(identity);
  if (shape.ifMatch !== null) headers.set('if-match', shape.ifMatch);
  if (shape.authorization !== null) headers.set('authorization', shape.authorization);
  if (shape.cookie !== null)
    headers.set('cookie', identity.cookie ? `${identity.cookie}; ${shape.cookie}` : shape.cookie);
  let body: string | undefined;
  if (shape.body.kind === 'json') {
    body = JSON.stringify(shape.body.value) ?? 'null';
    headers.set('content-type', shape.body.contentType);
  } else if (shape.body.kind === 'text') {
    body = shape.body.text;
    if (shape.body.contentType) headers.set('content-type', shape.body.contentType);
  }
  const method = op.method;
  try {
    return new Request(`${ORIGIN}${path}${query ? `?${query}` : ''}`, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    });
  } catch {
    return null; // a URL or header no HTTP client could send
  }
}

async function assertWellFormed(res: Response, what: string) {
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) {
    await res.arrayBuffer();
    return;
  }
  expect(res.headers.get('content-type'), what).toContain('application/problem+json');
  const problem = (await res.json()) as { status: unknown; code: unknown; detail: unknown };
  expect(problem.status, what).toBe(res.status);
  // A stable code the web app can translate (a dotted lower-case name), and a sentence for people.
  expect(problem.code, what).toMatch(/^[a-z][a-z_]*(\.[a-z_]+)*$/);
  expect(String(problem.detail).trim(), what).not.toBe('');
}

/**
 * Writes anyone may make about themselves: signing in and out, changing one's password, one's
 * own API tokens. Every other write needs a role or a scope.
 */
const SELF_SERVICE = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/tokens',
]);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The authorisation oracle: an anonymous caller, or an editor whose scope none of the generated values reach, never gets a write through. */
function assertNotAllowed(op: Operation, who: 'anonymous' | 'outsider', res: Response, what: string) {
  if (SAFE.has(op.method)) return;
  if (who === 'outsider' && SELF_SERVICE.has(`${op.method} ${op.path}`)) return;
  if (who === 'anonymous' && op.path === '/api/auth/login') return;
  if (who === 'anonymous' && op.path === '/api/auth/logout') {
    // Signing out without a session is allowed and changes nothing.
    return;
  }
  expect(res.status, `${what}: a write by ${who} went through`).toBeGreaterThanOrEqual(400);
}

/** A city no generated value names: the only scope of the outsider. */
const OUTSIDER_SCOPE = 'JP-01-FUZZSCOPE';

describe.each(ENGINES)('the API under generated junk on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let outsider: Record<string, string>;
  const known: string[] = [];
  beforeAll(async () => {
    t = await testApp(engine);
    const signedIn = await t.signIn('admin');
    admin = signedIn.headers;
    const city = await t.req('/api/localities', {
      method: 'POST',
      headers: admin,
      body: { code: OUTSIDER_SCOPE, parentCode: 'JP-01', name: { en: 'Fuzz scope' } },
    });
    expect(city.status).toBe(201);
    outsider = (await t.signIn('editor', [OUTSIDER_SCOPE])).headers;
    const editor = await t.signIn('editor', ['VN-HANOI']);
    const ids = async (path: string, key: string) =>
      ((await (await t.req(path, { headers: admin })).json()).items as Json[])
        .slice(0, 4)
        .map((x) => String(x[key]));
    const token = await t.req('/api/tokens', { method: 'POST', headers: admin, body: { name: 'fuzz' } });
    known.push(
      ...(await ids('/api/agreements?limit=4', 'id')),
      ...(await ids('/api/organizations?limit=4', 'id')),
      ...(await ids('/api/localities?limit=4', 'code')),
      editor.id,
      String((await token.json()).id),
    );
  }, 60_000);
  afterAll(() => t?.close());

  /** Signs the admin in again when a generated request signed it out (logout) or disabled the session. */
  async function adminIdentity(): Promise<Record<string, string>> {
    if ((await (await t.req('/api/auth/me', { headers: admin })).json()).user) return admin;
    // Generated sign-ins fail by the dozen from one address: forget them, or the rate limit refuses ours.
    await t.db.db.deleteFrom('login_attempts').execute();
    const fresh = await t.signIn('admin');
    admin = fresh.headers;
    return admin;
  }

  /** The outsider, signed in again when a generated request signed it out. */
  async function outsiderIdentity(): Promise<Record<string, string>> {
    if ((await t.req('/api/auth/me', { headers: outsider })).status === 200) return outsider;
    await t.db.db.deleteFrom('login_attempts').execute();
    outsider = (await t.signIn('editor', [OUTSIDER_SCOPE])).headers;
    return outsider;
  }

  for (const op of OPERATIONS) {
    it(`${op.method} ${op.path} answers below 500 with problem details`, async () => {
      for (const who of ['anonymous', 'admin', 'outsider'] as const) {
        // Signing out costs a new sign-in (argon2) per run: fewer runs there.
        const runs = who !== 'anonymous' && op.path === '/api/auth/logout' ? Math.min(RUNS, 8) : RUNS;
        await fc.assert(
          fc.asyncProperty(shapeFor(op, known), async (shape) => {
            const identity =
              who === 'admin' ? await adminIdentity() : who === 'outsider' ? await outsiderIdentity() : {};
            const req = requestOf(op, shape, identity);
            fc.pre(req !== null);
            const res = await t.app.request(req as Request);
            const what = `${who} ${req?.method} ${req?.url}`;
            if (who !== 'admin') assertNotAllowed(op, who, res, what);
            await assertWellFormed(res, what);
          }),
          { numRuns: runs },
        );
      }
      expect((await t.req('/healthz')).status).toBe(200);
    });
  }

  it('answers a malformed JSON body with 400 request.malformed_json', async () => {
    for (const text of ['{', '{"kind": ', "{'a': 1}", '[1,,2]', '{"a":1}}']) {
      const res = await t.req('/api/agreements', {
        method: 'POST',
        headers: { ...(await adminIdentity()), 'content-type': 'application/json' },
        body: text,
      });
      expect(res.status, text).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).code, text).toBe('request.malformed_json');
    }
    const login = await t.req('/api/auth/login', { method: 'POST', body: '{"email":' });
    expect(login.status).toBe(400);
    expect((await login.json()).code).toBe('request.malformed_json');
  });

  it('lets exactly one of many simultaneous changes with the same If-Match win; the others get 412', async () => {
    const headers = await adminIdentity();
    const created = await t.req('/api/organizations', {
      method: 'POST',
      headers,
      body: { kind: 'association', name: { en: 'Race Club' }, localityCode: 'VN-HUE' },
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.req(`/api/organizations/${id}`, {
          method: 'PATCH',
          headers: { ...headers, 'if-match': '"1"' },
          body: { name: { en: `Race Club ${i}` } },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(11);
    const winner = answers.findIndex((r) => r.status === 200);
    const stored = await (await t.req(`/api/organizations/${id}`)).json();
    expect(stored.name.en).toBe(`Race Club ${winner}`);
    expect(stored.version).toBe(2);
  });

  it('answers methods a path does not have with a problem, never a 500', async () => {
    const paths = [...new Set(OPERATIONS.map((op) => op.path))];
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'BREW'];
    const headers = await adminIdentity();
    for (const path of paths) {
      const documented = new Set(OPERATIONS.filter((op) => op.path === path).map((op) => op.method));
      for (const method of methods.filter((m) => !documented.has(m) && m !== 'HEAD')) {
        const url = `${ORIGIN}${path.replace(/\{\w+\}/g, 'VN-HANOI')}`;
        const res = await t.app.request(url, { method, headers });
        await assertWellFormed(res, `${method} ${url}`);
        expect(res.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('refuses NUL in the URL and in JSON text with 400 on every engine (PostgreSQL cannot store it)', async () => {
    for (const path of ['/api/agreements/%00', '/api/localities/a%00b', '/api/organizations?q=%00']) {
      const res = await t.req(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).code).toBe('validation.invalid');
    }
    const login = await t.req('/api/auth/login', {
      method: 'POST',
      body: { email: 'a\u0000@example.org', password: 'x' },
    });
    expect(login.status).toBe(400);
    const headers = await adminIdentity();
    const org = { kind: 'company', localityCode: 'VN-HANOI' };
    const withNul = await t.req('/api/organizations', {
      method: 'POST',
      headers,
      body: { ...org, name: { en: 'A\u0000B' } },
    });
    expect(withNul.status).toBe(400);
    // A backslash followed by the letters u0000 is ordinary text.
    const literal = await t.req('/api/organizations', {
      method: 'POST',
      headers,
      body: { ...org, name: { en: 'C:\\u0000 Co.' } },
    });
    expect(literal.status).toBe(201);
    expect((await literal.json()).name.en).toBe('C:\\u0000 Co.');
  });

  it('answers a body over 1 MB with 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ kind: 'mou', note: 'x'.repeat(1024 * 1024 + 10) });
    const withLength = await t.req('/api/agreements', {
      method: 'POST',
      headers: { ...(await adminIdentity()), 'content-length': String(Buffer.byteLength(big)) },
      body: big,
    });
    expect(withLength.status).toBe(413);
    expect((await withLength.json()).code).toBe('request.too_large');
    // A streamed body announces no length: the limit must still hold while reading.
    const chunks = new TextEncoder().encode(big);
    const streamed = await t.app.request(`${ORIGIN}/api/agreements`, {
      method: 'POST',
      headers: { ...(await adminIdentity()), 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < chunks.length; i += 64 * 1024)
            controller.enqueue(chunks.slice(i, i + 64 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get('content-type')).toContain('application/problem+json');
    const anonymous = await t.req('/api/auth/login', { method: 'POST', body: big });
    expect(anonymous.status).toBe(413);
    // Just under the limit is read (and then judged on its content, not its size).
    const under = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(1000 * 1000) });
    expect((await t.req('/api/auth/login', { method: 'POST', body: under })).status).not.toBe(413);
  });
});
