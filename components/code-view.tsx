'use client';

import { Paper, ScrollArea } from '@mantine/core';
import { tokenizeIniLine, tokenizeYamlLine, type TokenKind } from './highlight';

// `-text` colours: AA on the view's background in both schemes (components/theme/palettes.ts)
const COLORS: Record<TokenKind, string | undefined> = {
  comment: 'var(--mantine-color-dimmed)',
  section: 'var(--mantine-color-violet-text)',
  key: 'var(--mantine-color-blue-text)',
  punct: 'var(--mantine-color-dimmed)',
  string: 'var(--mantine-color-teal-text)',
  number: 'var(--mantine-color-orange-text)',
  name: 'var(--mantine-color-indigo-text)',
  mask: 'var(--mantine-color-red-text)',
  plain: undefined,
};

/** A read-only, lightly highlighted view of an INI or YAML file. */
export function CodeView({ text, language, label, height = 520 }: { text: string; language: 'ini' | 'yaml'; label: string; height?: number }) {
  const tokenize = language === 'ini' ? tokenizeIniLine : tokenizeYamlLine;
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <Paper withBorder bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <ScrollArea h={height} type="auto">
        <pre
          role="region"
          aria-label={label}
          tabIndex={0}
          style={{ margin: 0, padding: 12, fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12, lineHeight: 1.55 }}
        >
          {lines.map((line, i) => (
            <div key={i}>
              {tokenize(line).map((t, j) => (
                <span
                  key={j}
                  style={{
                    color: COLORS[t.kind],
                    fontWeight: t.kind === 'section' || t.kind === 'name' ? 600 : undefined,
                    fontStyle: t.kind === 'comment' ? 'italic' : undefined,
                  }}
                >
                  {t.text}
                </span>
              ))}
              {line === '' ? '\n' : null}
            </div>
          ))}
        </pre>
      </ScrollArea>
    </Paper>
  );
}
