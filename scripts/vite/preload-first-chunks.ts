import type { HtmlTagDescriptor, Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  moduleIds: string[];
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Names in index.html the chunks that every page's boot imports (by their
 * source modules, `entries`), with what they import, so the browser fetches
 * them beside the entry chunk instead of after running it: one round trip
 * fewer before the first screen, on any route (ADR 0034). `pages` does the
 * same for one path's own page (its route module), through a small script
 * that names them only on that path, since index.html answers every path.
 */
export function preloadFirstChunks(
  entries: readonly string[],
  pages: Readonly<Record<string, string>> = {},
): Plugin {
  return {
    name: 'preload-first-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter(
          (output): output is typeof output & Chunk => output.type === 'chunk',
        );
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (chunk: Chunk | undefined) => {
          if (!chunk || scripts.has(chunk.fileName)) return;
          scripts.add(chunk.fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const file of chunk.imports) visit(byFile.get(file));
        };
        // Vite names the entry chunk and what it imports already.
        for (const entry of chunks.filter((chunk) => chunk.isEntry)) visit(entry);
        const named = new Set([...scripts, ...styles]);
        const chunkOf = (entry: string) => {
          const chunk = chunks.find((candidate) =>
            candidate.moduleIds.some((id) => id.endsWith(entry)),
          );
          if (!chunk) throw new Error(`preload-first-chunks: no chunk for ${entry}`);
          return chunk;
        };
        for (const entry of entries) visit(chunkOf(entry));
        const everyPage = { scripts: new Set(scripts), styles: new Set(styles) };
        const pageScripts = Object.entries(pages).map(([path, entry]) => {
          scripts.clear();
          styles.clear();
          visit(chunkOf(entry));
          const own = (files: Set<string>, shared: Set<string>) =>
            [...files].filter((file) => !shared.has(file) && !named.has(file));
          return pageScript(path, {
            modulepreload: own(scripts, everyPage.scripts),
            style: own(styles, everyPage.styles),
          });
        });
        scripts.clear();
        styles.clear();
        everyPage.scripts.forEach((file) => scripts.add(file));
        everyPage.styles.forEach((file) => styles.add(file));
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
          tag: 'link',
          attrs,
          injectTo: 'head',
        });
        const unnamed = (file: string) => !named.has(file);
        return [
          ...[...scripts]
            .filter(unnamed)
            .map((file) => link({ rel: 'modulepreload', crossorigin: true, href: `/${file}` })),
          ...[...styles]
            .filter(unnamed)
            .map((file) =>
              link({ rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` }),
            ),
          ...pageScripts,
        ];
      },
    },
  };
}

/** A script that names one page's chunks and styles for preloading when the tab opens at its path. */
function pageScript(
  path: string,
  files: { modulepreload: readonly string[]; style: readonly string[] },
): HtmlTagDescriptor {
  const links = [
    ...files.modulepreload.map((file) => ({ rel: 'modulepreload', href: `/${file}` })),
    ...files.style.map((file) => ({ rel: 'preload', as: 'style', href: `/${file}` })),
  ];
  return {
    tag: 'script',
    children: [
      `if (location.pathname === ${JSON.stringify(path)}) {`,
      `  ${JSON.stringify(links)}.forEach(function (attrs) {`,
      "    var link = document.createElement('link');",
      "    link.crossOrigin = '';",
      '    Object.assign(link, attrs);',
      '    document.head.appendChild(link);',
      '  });',
      '}',
    ].join('\n'),
    injectTo: 'head',
  };
}
