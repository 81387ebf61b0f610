import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './run-cli';
import { escapeControlChars } from './terminal-text';

// `hibernator plans | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

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
    process.stderr.write(
      escapeControlChars(`hibernator: ${error instanceof Error ? error.message : String(error)}\n`),
    );
    process.exitCode = 2;
  },
);
