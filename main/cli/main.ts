import { z } from 'zod';

// The CLI's entry (bin/hibernator runs its bundle, out/cli/main.mjs). zod's JIT compiles a parser
// for each object schema on its first parse: that pays off in the desktop engine, but a command
// parses each schema a handful of times, and the compiling was a third of the start-up time of
// `hibernator plans` (for `serve`, parsing small requests without it costs microseconds). zod
// reads the setting when a schema is built, so it is set before the CLI, and with it the model's
// schemas, is imported.
z.config({ jitless: true });
await import('./start-cli');
