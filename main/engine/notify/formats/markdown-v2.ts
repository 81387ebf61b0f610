/**
 * Telegram MarkdownV2 (core.telegram.org/bots/api#markdownv2-style): outside entities every
 * one of _ * [ ] ( ) ~ ` > # + - = | { } . ! and the backslash itself must be escaped; inside
 * `code` and ```pre``` only ` and \.
 */
const RESERVED = /[_*[\]()~`>#+\-=|{}.!\\]/g;

export function escapeMarkdownV2(text: string): string {
  return text.replace(RESERVED, (c) => `\\${c}`);
}

export function escapeMarkdownV2Code(text: string): string {
  return text.replace(/[`\\]/g, (c) => `\\${c}`);
}

export const bold = (text: string): string => `*${escapeMarkdownV2(text)}*`;
export const code = (text: string): string => `\`${escapeMarkdownV2Code(text)}\``;
