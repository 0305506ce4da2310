/** Entry files: YAML front matter between `---` lines, then the story. */

/** Splits an MDX file into its YAML front matter and the story after it; null when the file has none. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return m ? { frontmatter: m[1] ?? '', body: m[2] ?? '' } : null;
}

/** The 1-based line of a file on which the story of a front matter starts. */
export function storyFirstLine(frontmatter: string): number {
  // `---`, the front matter's lines, `---`: the story begins on the next line.
  return frontmatter.split('\n').length + 3;
}
