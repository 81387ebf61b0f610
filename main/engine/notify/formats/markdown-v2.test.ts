import { describe, expect, it } from 'vitest';
import { escapeMarkdownV2, escapeMarkdownV2Code } from './markdown-v2';

describe('Telegram MarkdownV2 escaping', () => {
  it.each([
    ['_', '\\_'],
    ['*', '\\*'],
    ['[', '\\['],
    [']', '\\]'],
    ['(', '\\('],
    [')', '\\)'],
    ['~', '\\~'],
    ['`', '\\`'],
    ['>', '\\>'],
    ['#', '\\#'],
    ['+', '\\+'],
    ['-', '\\-'],
    ['=', '\\='],
    ['|', '\\|'],
    ['{', '\\{'],
    ['}', '\\}'],
    ['.', '\\.'],
    ['!', '\\!'],
    ['\\', '\\\\'],
  ])('escapes the reserved character %s', (char, escaped) => {
    expect(escapeMarkdownV2(`a${char}b`)).toBe(`a${escaped}b`);
  });

  it('leaves letters, digits, spaces, unicode and emoji as they are', () => {
    expect(escapeMarkdownV2('dev env 42 ✅ Größe')).toBe('dev env 42 ✅ Größe');
  });

  it('escapes a realistic error text completely', () => {
    expect(escapeMarkdownV2('ec2:StartInstances denied (i-0abc). Retry!')).toBe(
      'ec2:StartInstances denied \\(i\\-0abc\\)\\. Retry\\!',
    );
  });

  it('inside code escapes only the backtick and the backslash', () => {
    expect(escapeMarkdownV2Code('a_b`c\\d.e')).toBe('a_b\\`c\\\\d.e');
  });
});
