import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildLoadoutSchema } from '../graphql/schema.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');

/** The schema as committed in `schema/schema.graphql`: sorted, so diffs show real changes only. */
export async function printLoadoutSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildLoadoutSchema()))}\n`;
}

async function main(): Promise<void> {
  const printed = await printLoadoutSchema();
  if (process.argv.includes('--check')) {
    const committed = await readFile(target, 'utf8').catch(() => '');
    if (committed !== printed) {
      console.error('schema/schema.graphql differs from the code: run `npm run build -w server` and commit the file.');
      process.exit(1);
    }
    console.log('schema/schema.graphql matches the code.');
    return;
  }
  await writeFile(target, printed);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
