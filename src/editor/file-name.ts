/** The file name an entry should have, as the project computes it (src/model/slug.ts), for messages that give one complete fix. */
import { slugPattern, type Kind } from '../model/schema.ts';
import { nameSlug, slugFor } from '../model/slug.ts';

/**
 * The slug for an entry whose file name cannot be used: from its name and
 * kind (or, when the front matter cannot be read, the Chinese file name
 * itself) and its region id; `taken` holds the other entries' slugs.
 */
export function expectedSlug(
  id: string,
  facts: { name?: string; kind?: Kind; region?: string },
  taken: ReadonlySet<string>,
): string | undefined {
  const name = facts.name?.trim() || id;
  const kind = facts.kind ?? 'person';
  const namePart = nameSlug(name, kind);
  if (!namePart || !slugPattern.test(namePart)) return undefined;
  const region = facts.region && slugPattern.test(facts.region) ? facts.region : undefined;
  if (!region) return taken.has(namePart) ? undefined : namePart;
  return slugFor(name, kind, region, taken);
}

/** “请把文件改名为 sun-dawei-yaodu.mdx”, or a worded example when no slug can be computed. */
export function renameHint(slug: string | undefined): string {
  return slug
    ? `请把文件改名为 ${slug}.mdx（姓名拼音加地区 id；照片也按它命名，例如 ${slug}.jpg）`
    : '请改成姓名拼音加地区 id 的形式，例如 zhang-jianguo-yaodu.mdx';
}
