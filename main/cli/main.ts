import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './run-cli';

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  readFile: (path: string) => readFileSync(path, 'utf8'),
  writeFile: (path: string, text: string) => writeFileSync(path, text),
  env: process.env,
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hibernator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
