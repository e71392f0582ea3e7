import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ISO 3166 numeric codes of the only two countries the map draws.
const COUNTRIES = new Set(['704', '392']);
const VIRTUAL_ID = 'virtual:vn-jp-geo';

/**
 * Serves Vietnam and Japan as a small GeoJSON module derived from world-atlas at build time.
 * The full 50m atlas is ~750 KB; the two countries, with coordinates rounded to ~100 m, are a
 * small fraction of that, and the map page imports the module lazily so the home page never
 * pays for it.
 */
function vnJpGeo(): Plugin {
  const round = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(round) : typeof v === 'number' ? Math.round(v * 1000) / 1000 : v;
  return {
    name: 'kizuna-vn-jp-geo',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : null),
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return null;
      const file = require.resolve('world-atlas/countries-50m.json');
      const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
      const countries = {
        ...topo.objects.countries,
        geometries: topo.objects.countries.geometries.filter((g) => COUNTRIES.has(String(g.id))),
      };
      const fc = feature(topo, countries);
      for (const f of fc.features) {
        (f.geometry as { coordinates: unknown }).coordinates = round(
          (f.geometry as { coordinates: unknown }).coordinates,
        );
      }
      return `export default ${JSON.stringify(fc)};`;
    },
  };
}

/**
 * Writes `x.js.br` and `x.js.gz` beside each built asset, so the server can send compressed
 * files without compressing on every request (`serveStatic({ precompressed: true })`).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kizuna-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const dir = join(outDir, 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|json|svg)$/.test(name)) continue;
        const body = readFileSync(join(dir, name));
        writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
        writeFileSync(
          join(dir, `${name}.br`),
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), vnJpGeo(), precompress()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    // The browser tests measure the compressed size; the report is only noise in the server's log.
    reportCompressedSize: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
