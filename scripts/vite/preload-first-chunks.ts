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
 * fewer before the first screen, on any route (ADR 0034).
 */
export function preloadFirstChunks(entries: readonly string[]): Plugin {
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
        for (const entry of entries) {
          const chunk = chunks.find((candidate) =>
            candidate.moduleIds.some((id) => id.endsWith(entry)),
          );
          if (!chunk) throw new Error(`preload-first-chunks: no chunk for ${entry}`);
          visit(chunk);
        }
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
        ];
      },
    },
  };
}
