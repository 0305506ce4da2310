/**
 * The text `content:new` writes into a new entry for the editor to replace.
 * The check refuses it in an entry that is no longer a draft, so it is kept
 * here, in one place, for both.
 */

/** The summary of a new entry: a prompt, not a summary. */
export const NEW_ENTRY_SUMMARY = '（一句话事迹，待填写：做了什么、坚持了多久）';

/** The prompt lines of a new entry's story, each its own paragraph. */
export const NEW_ENTRY_PROMPTS: readonly string[] = [
  '（在这里写事迹全文：什么时间、在哪里、做了什么、坚持了多久、帮助了谁。）',
  '（不要写身份证号、电话号码、家庭住址；未成年人只写姓名、学校和事迹，不放照片。）',
  '（写完后把上面的 summary 改成一句话事迹，并删除 draft: true 这一行，条目才会发布。）',
];

/** The story of a new entry, as `content:new` writes it. */
export const NEW_ENTRY_STORY = NEW_ENTRY_PROMPTS.join('\n\n');
