import { fileURLToPath } from 'node:url';
import { type Plugin, runnerImport } from 'vite';
import { onFirstScreen } from '../../src/lib/i18n/first-screen.ts';

/** `virtual:catalogue/<language>/<part>`: one part of one language's catalogue. */
const VIRTUAL_ID = /^virtual:catalogue\//;
const RESOLVED_ID = /^\0virtual:catalogue\//;
const PARTS = ['first-screen', 'rest'] as const;

/** Each language's catalogue as written: its module and the object it exports. */
const CATALOGUES: Readonly<Record<string, { file: string; name: string }>> = {
  en: { file: '../../src/lib/i18n/en.ts', name: 'en' },
  'zh-CN': { file: '../../src/lib/i18n/zh-cn.ts', name: 'zhCN' },
};

interface Loaded {
  words: Record<string, string>;
  files: string[];
}

/**
 * Splits each language's catalogue into the words of the first screen and the
 * rest, by `onFirstScreen` (ADR 0034). The catalogue modules run at build time
 * through Vite's module runner, so the parts are derived from the same objects
 * the type checker sees, and nobody keeps a second list of strings.
 */
export function catalogueParts(): Plugin {
  const cache = new Map<string, Promise<Loaded>>();

  async function load(language: string): Promise<Loaded> {
    const source = CATALOGUES[language];
    if (!source) throw new Error(`No catalogue for ${language}`);
    const file = fileURLToPath(new URL(source.file, import.meta.url));
    const { module, dependencies } = await runnerImport<Record<string, Record<string, string>>>(
      file,
      { configFile: false, logLevel: 'silent' },
    );
    const words = module[source.name];
    if (!words) throw new Error(`${file} exports no ${source.name}`);
    return { words, files: [file, ...dependencies] };
  }

  return {
    name: 'catalogue-parts',
    resolveId: {
      filter: { id: VIRTUAL_ID },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: RESOLVED_ID },
      async handler(id) {
        const [language = '', part] = id.replace(RESOLVED_ID, '').split('/');
        if (!PARTS.some((known) => known === part)) throw new Error(`No catalogue part ${id}`);
        let loaded = cache.get(language);
        if (!loaded) {
          loaded = load(language);
          cache.set(language, loaded);
        }
        const { words, files } = await loaded;
        for (const file of files) this.addWatchFile(file);
        const wanted = part === 'first-screen';
        const picked = Object.entries(words).filter(([key]) => onFirstScreen(key) === wanted);
        return `export default ${JSON.stringify(Object.fromEntries(picked))};\n`;
      },
    },
    watchChange() {
      // A catalogue file changed: read every language again on the next load.
      cache.clear();
    },
  };
}
