import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { docSnippets, readDocPages, type DocPage } from '@zemstvo/server/testing/doc-mentions';
import { buildProgram } from './program.ts';

/**
 * The docs against the `zemstvo` command: docs/cli.md names every command (down to each
 * subcommand) in a code span as `zemstvo <command> <subcommand>` with its options, and every
 * command and option a span of any docs/*.md page names exists. Words after a command are its
 * arguments; a group alone (`zemstvo routing`) names the group.
 */

/** A runnable command: its words after `zemstvo` and its options (`--long` or `-s`). */
interface Leaf {
  path: string;
  flags: string[][];
}

function leaves(cmd: Command, prefix: string[] = []): Leaf[] {
  if (cmd.commands.length === 0)
    return [
      {
        path: prefix.join(' '),
        flags: cmd.options.map((o) => [o.long, o.short].filter((f): f is string => Boolean(f))),
      },
    ];
  return cmd.commands.flatMap((sub) => leaves(sub, [...prefix, sub.name()]));
}

/** A span that names the command: where it is, the words after `zemstvo`, the flags written after them. */
interface CommandMention {
  where: string;
  words: string[];
  flags: string[];
}

const COMMAND = /(?:^|[\s|(])zemstvo((?:\s+[a-z][a-z0-9-]*)+)(.*)$/;

function mentions(page: DocPage): CommandMention[] {
  return docSnippets(page).flatMap(({ where, text }) => {
    const m = COMMAND.exec(text);
    if (!m) return [];
    const flags = [...m[2]!.matchAll(/(?<![\w-])(--?[A-Za-z][A-Za-z0-9-]*)/g)].map((f) => f[1]!);
    return [{ where, words: m[1]!.trim().split(/\s+/), flags }];
  });
}

/** The command a mention names (its words resolved down the tree), or null when a word is no command. */
function resolve(program: Command, words: readonly string[]): { cmd: Command; path: string } | null {
  let cmd = program;
  const path: string[] = [];
  for (const word of words) {
    if (cmd.commands.length === 0) break; // the rest are arguments
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) return null;
    cmd = sub;
    path.push(word);
  }
  return { cmd, path: path.join(' ') };
}

/** What the reference page (docs/cli.md) leaves out, or any page names wrongly, one line each. */
function problems(program: Command, reference: DocPage, others: readonly DocPage[] = []): string[] {
  const named = (page: DocPage) => mentions(page).map((m) => ({ ...m, named: resolve(program, m.words) }));
  const found = named(reference);
  const out: string[] = [];
  for (const m of [...found, ...others.flatMap(named)]) {
    if (!m.named) out.push(`${m.where}: no command \`zemstvo ${m.words.join(' ')}\``);
    else if (m.named.cmd.commands.length === 0)
      for (const flag of m.flags)
        if (!m.named.cmd.options.some((o) => o.long === flag || o.short === flag))
          out.push(`${m.where}: \`zemstvo ${m.named.path}\` has no option ${flag}`);
  }
  for (const leaf of leaves(program)) {
    const rows = found.filter((m) => m.named?.path === leaf.path);
    if (rows.length === 0) out.push(`undocumented: zemstvo ${leaf.path}`);
    const written = new Set(rows.flatMap((m) => m.flags));
    for (const flags of leaf.flags)
      if (rows.length && !flags.some((f) => written.has(f)))
        out.push(`undocumented option: zemstvo ${leaf.path} ${flags.join(' / ')}`);
  }
  return out;
}

const cliPage = () => readDocPages().find((p) => p.name === 'cli.md')!;

describe('docs/cli.md and the zemstvo command', () => {
  it('names every command and option, and the pages name nothing else', () => {
    const program = buildProgram();
    expect(leaves(program).length).toBeGreaterThan(10);
    const others = readDocPages().filter((p) => p.name !== 'cli.md');
    expect(problems(program, cliPage(), others)).toEqual([]);
  });

  it('notices a missing row, an unknown command and an unknown option', () => {
    const page = cliPage();
    const seedRow = /^\|\s*`zemstvo seed`.*$/m;
    expect(page.text).toMatch(seedRow);
    const broken = {
      name: 'cli.md',
      text: `${page.text.replace(seedRow, '')}\nRun \`zemstvo users remove --email E\` or \`zemstvo audit verify --fix\`.\n`,
    };
    const lines = broken.text.split('\n').length;
    expect(problems(buildProgram(), broken)).toEqual([
      `cli.md:${lines - 1}: no command \`zemstvo users remove\``,
      `cli.md:${lines - 1}: \`zemstvo audit verify\` has no option --fix`,
      'undocumented: zemstvo seed',
    ]);
  });
});
