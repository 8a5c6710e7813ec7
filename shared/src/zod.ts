/**
 * zod, as every schema of the product uses it: imported from here so that one setting holds wherever
 * a schema is parsed (the functions, the CLI, the pane, the web page).
 *
 * `jitless`: zod otherwise compiles a parser for each object schema with `new Function` on its first
 * parse. Our schemas are parsed a few times per request or per process, so that compilation is most of
 * the cost: it took the three built-in template specs from about 6 ms to 15–20 ms at a function's
 * cold start (bench: `--only bundles`), and `new Function` is what a strict Content-Security-Policy
 * forbids in a browser.
 */
import * as z from 'zod';

z.config({ jitless: true });

export * from 'zod';
