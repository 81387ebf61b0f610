/**
 * The module hooks behind record-modules.mjs (they run on the loader's own thread): each resolved
 * URL is appended to the file at once, so nothing is lost however the process ends.
 */
import { appendFileSync } from 'node:fs';

let file = '';

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(file, `${result.url}\n`);
  return result;
}
