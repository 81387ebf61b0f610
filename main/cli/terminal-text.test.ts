import { describe, expect, it } from 'vitest';
import { escapeControlChars, terminalSafeIo } from './terminal-text';

describe('escapeControlChars', () => {
  it.each([
    ['an ANSI colour', 'plan \u001b[31mred\u001b[0m', 'plan \\u001b[31mred\\u001b[0m'],
    ['a title change', '\u001b]0;owned\u0007', '\\u001b]0;owned\\u0007'],
    ['a carriage return that would overwrite the line', 'ok\rFAIL', 'ok\\u000dFAIL'],
    ['a backspace', 'a\bb', 'a\\u0008b'],
    ['DEL', 'a\u007fb', 'a\\u007fb'],
    ['the one-byte CSI of the C1 range', 'a\u009b31mb', 'a\\u009b31mb'],
    ['a NUL', 'a\u0000b', 'a\\u0000b'],
  ])('escapes %s', (_name, input, expected) => {
    expect(escapeControlChars(input)).toBe(expected);
  });

  it('keeps newlines, tabs and every printable character, unicode included', () => {
    const text = 'plans:\n\tdev-env  Hibernated  ✓ 夜 é\n';
    expect(escapeControlChars(text)).toBe(text);
  });

  it('keeps the JSON that --json prints valid', () => {
    const json = JSON.stringify({ message: 'x\u009by' });
    expect(JSON.parse(escapeControlChars(json))).toEqual({ message: 'x\u009by' });
  });
});

describe('terminalSafeIo', () => {
  it('escapes what is written to stdout and stderr, and nothing else', () => {
    const written: string[] = [];
    const io = terminalSafeIo({
      out: (t) => written.push(`out:${t}`),
      err: (t) => written.push(`err:${t}`),
      readFile: () => '\u001b',
      writeFile: () => undefined,
      env: {},
      cwd: '/',
    });
    io.out('\u001b[2J');
    io.err('\u001b[2J');
    expect(written).toEqual(['out:\\u001b[2J', 'err:\\u001b[2J']);
    expect(io.readFile('x')).toBe('\u001b');
  });
});
