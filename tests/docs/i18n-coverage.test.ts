import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/api/error-codes';
import { AUDIT_EVENTS, AUDIT_KINDS } from '@/api/schemas/mfa';
import { workspaceRoleSchema } from '@/api/schemas/session';
import { en } from '@/lib/i18n/en';
import { enMail } from '@/lib/i18n/en-mail';
import { zhCN } from '@/lib/i18n/zh-cn';
import { zhCNMail } from '@/lib/i18n/zh-cn-mail';
import { LANGUAGES } from '@/lib/preferences';

/**
 * SHELL-3: every visible string goes through the translation layer, and both
 * languages say the same things. The catalogues are compared at run time (so a
 * spread-in or cast catalogue cannot hide a gap from the type checker), and the
 * source is read with the TypeScript compiler, not with regular expressions.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');
/** The mock backend is the server: its emails and logs are not UI. */
const NOT_UI = join(SRC, 'mocks');
/** The rules, whose `t()` calls write emails, from the emails' catalogues (ADR 0036). */
const BACKEND = join(SRC, 'backend');

/** Each set of catalogues: English, the reference, and Chinese, key for key. */
const CATALOGUE_SETS = [
  { name: 'screens', en: en as Record<string, string>, zhCN: zhCN as Record<string, string> },
  {
    name: 'emails',
    en: enMail as Record<string, string>,
    zhCN: zhCNMail as Record<string, string>,
  },
];

function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === NOT_UI ? [] : sourceFiles(path, extensions);
    return extensions.some((extension) => entry.name.endsWith(extension)) ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

function where(node: ts.Node): string {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return `${relative(ROOT, file.fileName)}:${line + 1}`;
}

function visit(node: ts.Node, callback: (node: ts.Node) => void): void {
  callback(node);
  ts.forEachChild(node, (child) => visit(child, callback));
}

/** Text a reader sees: anything with a letter, in any script. */
const HAS_LETTER = /\p{L}/u;

/** `&nbsp;` and friends are symbols, not words. */
function withoutEntities(text: string): string {
  return text.replace(/&(?:[a-z]+|#\d+|#x[\da-f]+);/gi, ' ');
}

/**
 * The literal text an expression evaluates to, through the branches of a
 * condition or a fallback: `{busy ? 'Saving' : t('common.save')}` yields 'Saving'.
 * For a template with expressions, its literal parts.
 */
function literalTexts(expression: ts.Expression): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return [{ node: expression, text: expression.text }];
  }
  if (ts.isTemplateExpression(expression)) {
    return [expression.head, ...expression.templateSpans.map((span) => span.literal)].map(
      (part) => ({ node: expression, text: part.text }),
    );
  }
  if (withoutCasts(expression) !== expression) {
    // A cast cannot make a key exist: `t('nope' as MessageKey)` is still 'nope'.
    return literalTexts(withoutCasts(expression));
  }
  if (ts.isConditionalExpression(expression)) {
    return [...literalTexts(expression.whenTrue), ...literalTexts(expression.whenFalse)];
  }
  if (
    ts.isBinaryExpression(expression) &&
    [
      ts.SyntaxKind.AmpersandAmpersandToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
    ].includes(expression.operatorToken.kind)
  ) {
    return [...literalTexts(expression.left), ...literalTexts(expression.right)].filter(
      // The left of `a && b` is a condition, never shown.
      ({ node }) =>
        expression.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken ||
        !isWithin(node, expression.left),
    );
  }
  return [];
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** Props whose value a user reads or a screen reader speaks. */
const VISIBLE_PROPS = new Set([
  'label',
  'title',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'subtitle',
  'description',
  'hint',
  'text',
  'submitLabel',
  'children',
]);

/**
 * Text that is the same in every language, shown as-is on purpose. Keep this
 * short; every entry says why, and an entry that no longer matches fails.
 */
const ALLOWED: ReadonlyArray<{ file: string; text: string; why: string }> = [
  {
    file: 'src/features/mfa/setup-key.tsx',
    text: 'SHA1',
    why: 'the TOTP algorithm name, a protocol constant that authenticator apps show untranslated',
  },
];

interface Finding {
  at: string;
  file: string;
  text: string;
}

function untranslatedText(files: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const shown = withoutEntities(text).trim();
    if (!HAS_LETTER.test(shown)) return;
    findings.push({
      at: where(node),
      file: relative(ROOT, node.getSourceFile().fileName),
      text: shown,
    });
  };
  for (const path of files) {
    visit(parse(path), (node) => {
      if (ts.isJsxText(node)) {
        report(node, node.text);
      } else if (ts.isJsxAttribute(node) && node.initializer) {
        if (!VISIBLE_PROPS.has(node.name.getText())) return;
        if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text);
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
          for (const { text } of literalTexts(node.initializer.expression)) report(node, text);
        }
      } else if (
        ts.isJsxExpression(node) &&
        node.expression &&
        (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
      ) {
        // A child such as <Button>{'Save'}</Button>, of any element.
        for (const { text } of literalTexts(node.expression)) report(node, text);
      }
    });
  }
  return findings;
}

interface TranslationCall {
  at: string;
  /** The literal key, or null for one built at run time. */
  key: string | null;
  /** For a template key, the literal text before its first expression. */
  prefix: string | null;
}

/** Which argument is the key: `t(key, ...)` and `translate(language, key, ...)`. */
const KEY_ARGUMENT = new Map([
  ['t', 0],
  ['translate', 1],
]);

function withoutCasts(expression: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(expression) ||
    ts.isAsExpression(expression) ||
    ts.isSatisfiesExpression(expression) ||
    ts.isNonNullExpression(expression) ||
    ts.isTypeAssertionExpression(expression)
    ? withoutCasts(expression.expression)
    : expression;
}

/** Every call that looks a key up in the catalogues. */
function translationCalls(files: readonly string[]): TranslationCall[] {
  const calls: TranslationCall[] = [];
  for (const path of files) {
    visit(parse(path), (node) => {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      const keyIndex = KEY_ARGUMENT.get(node.expression.text);
      const argument = keyIndex === undefined ? undefined : node.arguments[keyIndex];
      if (!argument) return;
      const literals = literalTexts(argument);
      const key = withoutCasts(argument);
      if (ts.isTemplateExpression(key)) {
        calls.push({ at: where(node), key: null, prefix: key.head.text });
      } else if (literals.length > 0) {
        for (const { text } of literals) calls.push({ at: where(node), key: text, prefix: null });
      } else {
        calls.push({ at: where(node), key: null, prefix: null });
      }
    });
  }
  return calls;
}

function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

describe.each(CATALOGUE_SETS)('the catalogues of the $name (SHELL-3)', (catalogues) => {
  it('have the same keys in English and Chinese', () => {
    const enKeys = new Set(Object.keys(catalogues.en));
    const zhKeys = new Set(Object.keys(catalogues.zhCN));

    expect(enKeys.size).toBeGreaterThan(30);
    expect({
      onlyInEnglish: [...enKeys].filter((key) => !zhKeys.has(key)),
      onlyInChinese: [...zhKeys].filter((key) => !enKeys.has(key)),
    }).toEqual({ onlyInEnglish: [], onlyInChinese: [] });
  });

  it('have no empty message', () => {
    const empty = Object.entries({ en: catalogues.en, 'zh-CN': catalogues.zhCN }).flatMap(
      ([language, catalogue]) =>
        Object.entries(catalogue)
          .filter(([, message]) => typeof message !== 'string' || message.trim() === '')
          .map(([key]) => `${language}: ${key}`),
    );

    expect(empty).toEqual([]);
  });

  it('use the same {placeholders} for a key in both languages', () => {
    const differing = Object.keys(catalogues.en)
      .filter((key) => key in catalogues.zhCN)
      .map((key) => ({
        key,
        en: placeholders(catalogues.en[key] ?? ''),
        zhCN: placeholders(catalogues.zhCN[key] ?? ''),
      }))
      .filter((entry) => entry.en.join() !== entry.zhCN.join());

    expect(differing).toEqual([]);
  });
});

describe('visible strings in the UI (SHELL-3)', () => {
  const uiFiles = sourceFiles(SRC, ['.tsx']);
  const findings = untranslatedText(uiFiles);

  it('finds the UI to read', () => {
    expect(uiFiles.length).toBeGreaterThan(30);
    expect(uiFiles.some((path) => path.startsWith(NOT_UI))).toBe(false);
  });

  it('go through the translation layer: no bare text in JSX or in visible props', () => {
    const offending = findings
      .filter(
        ({ file, text }) =>
          !ALLOWED.some((allowed) => allowed.file === file && allowed.text === text),
      )
      .map(({ at, text }) => `${at}: ${JSON.stringify(text)}`);

    expect(offending, `untranslated text:\n${offending.join('\n')}`).toEqual([]);
  });

  it('keeps the allow-list to exceptions that still exist', () => {
    const stale = ALLOWED.filter(
      (allowed) =>
        !findings.some(({ file, text }) => allowed.file === file && allowed.text === text),
    );

    expect(stale).toEqual([]);
  });
});

describe('keys the code asks for (SHELL-3)', () => {
  const files = sourceFiles(SRC, ['.ts', '.tsx']);
  const calls = translationCalls(files.filter((path) => !path.startsWith(BACKEND)));
  const mailCalls = translationCalls(files.filter((path) => path.startsWith(BACKEND)));

  it('finds the translation calls', () => {
    expect(calls.filter((call) => call.key !== null).length).toBeGreaterThan(100);
  });

  it('asks only for keys that exist in English', () => {
    const missing = calls
      .filter((call) => call.key !== null && !(call.key in en))
      .map((call) => `${call.at}: ${call.key}`);

    expect(missing, `unknown keys:\n${missing.join('\n')}`).toEqual([]);
  });

  it('asks the emails only for keys that exist in their English catalogue, none built at run time', () => {
    const unknown = mailCalls
      .filter((call) => (call.key === null ? call.prefix !== null : !(call.key in enMail)))
      .map((call) => `${call.at}: ${call.key ?? `${call.prefix ?? ''}…`}`);

    expect(mailCalls.filter((call) => call.key !== null).length).toBeGreaterThan(30);
    expect(unknown, `unknown email keys:\n${unknown.join('\n')}`).toEqual([]);
  });

  /** Keys built at run time, by family, with every value the family can take. */
  const FAMILIES: Record<string, readonly string[]> = {
    'errors.': ERROR_CODES,
    'audit.': AUDIT_EVENTS,
    'audit.kind.': AUDIT_KINDS,
    'role.': workspaceRoleSchema.options,
    'language.': LANGUAGES,
  };

  it('builds keys only in families whose every member is checked below', () => {
    const unchecked = calls
      .filter((call) => call.prefix !== null && !(call.prefix in FAMILIES))
      .map((call) => `${call.at}: ${call.prefix}…`);

    expect(unchecked, `template keys outside a checked family:\n${unchecked.join('\n')}`).toEqual(
      [],
    );
  });

  it.each(Object.entries(FAMILIES))('has a key for every member of %s', (prefix, members) => {
    const missing = members.map((member) => `${prefix}${member}`).filter((key) => !(key in en));

    expect(members.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
