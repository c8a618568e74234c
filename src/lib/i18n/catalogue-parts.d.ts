/** The parts of a catalogue that scripts/vite/catalogue-parts.ts derives at build time. */
declare module 'virtual:catalogue/*' {
  import type { MessageKey } from '@/lib/i18n/en';

  const words: Partial<Record<MessageKey, string>>;
  export default words;
}
