#!/usr/bin/env node
// Entry point of the `kizuna` command. The sources are TypeScript run through tsx's loader,
// so there is no separate build step for the server or the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
