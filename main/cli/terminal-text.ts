import type { CliIo } from './cli-io';

// C0 controls except tab and newline, DEL, and the C1 range (U+009B is a one-byte CSI on some
// terminals): every character that can move the cursor, recolour or retitle a terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a YAML file or a remote error is printed as written, minus its power over the
 * terminal: each control character becomes its visible `\u00XX` escape (also valid inside the
 * JSON strings that `--json` prints).
 */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same io, with everything written to the terminal passed through escapeControlChars. */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    ...io,
    out: (text) => io.out(escapeControlChars(text)),
    err: (text) => io.err(escapeControlChars(text)),
  };
}
