/**
 * Every kind of problem the check, the import, the output gate and the release
 * can report, keyed by a stable code, with a short Chinese title. The code is
 * printed after each problem and keys the table "检查提示对照表" in
 * docs/editing.md; `src/rules/problem-codes.test.ts` fails when the two differ,
 * or when code in src/ or scripts/ names a code this list lacks. A code, once
 * published in the guide, keeps its meaning: add a new one rather than reuse it.
 */
export const PROBLEM_CODES = {
  // Files and folders.
  'file.no-frontmatter': '缺少资料区',
  'file.unreadable': '文件读不了（编码、大小、类型）',
  'file.missing': '缺少必需的文件',
  'file.empty': '文件是空的',
  'file.not-list': '文件内容不是列表',
  'file.symlink': '快捷方式（符号链接）',
  'file.name': '文件名不能作网址',
  'file.name-taken': '文件名与别的条目或页面重复',
  'file.former-slug': '旧网址（formerSlugs）写法不对',
  // The front matter and the YAML files.
  'yaml.syntax': 'YAML 格式有误',
  'yaml.fullwidth-colon': '用了中文冒号',
  'yaml.tab': '用了 Tab 键缩进',
  'yaml.colon-space': '冒号后面少空格',
  'yaml.unclosed-quote': '引号没有配对',
  'yaml.indent': '缩进没对齐',
  'yaml.duplicate-key': '同一个字段写了两次',
  'yaml.alias': '用了锚点、别名或标记',
  'field.invalid': '字段的值不对',
  'id.missing': '缺少 id',
  'id.invalid': 'id 写法不对',
  'id.duplicate': 'id 重复',
  // References between files.
  'ref.region-unknown': '地区 id 不存在',
  'ref.category-unknown': '类别 id 不存在',
  'ref.title-unknown': '称号 id 不存在',
  'ref.release-unknown': '发布批次不存在',
  'ref.release-mismatch': '批次与称号或年份不符',
  // People.
  'person.minor': '未成年人要写 minor: true',
  'person.likely-duplicate': '可能是同一人',
  // Personal data.
  'privacy.id-card': '身份证号码',
  'privacy.mobile': '手机号码',
  'privacy.landline': '座机号码',
  'privacy.email': '电子邮箱',
  'privacy.bank-card': '银行卡号',
  'privacy.im': 'QQ 号、微信号',
  'privacy.address': '门牌号、楼号、房间号',
  'privacy.joined': '分开写的号码连起来是个人信息',
  'privacy.more': '还有更多个人信息',
  // The story.
  'story.import': '正文里有 import、export',
  'story.expression': '正文里有花括号 { }',
  'story.html': '正文里有 HTML 标签',
  'story.component': '组件写法不对',
  'story.image': '正文里插入了图片',
  'story.footnote': '正文里有脚注',
  'story.heading': '一级标题',
  'story.link': '链接不对',
  'story.unparsable': '正文无法解析',
  'story.too-large': '正文太长、太大或嵌套太深',
  'story.unsupported': '不支持的写法',
  // Unfinished or foreign text.
  'unfinished.placeholder': '占位文字',
  'unfinished.boilerplate': '公众号套话',
  'unfinished.invisible': '看不见的字符',
  'unfinished.copied-story': '正文与另一条目相同',
  // Photos.
  'photo.path': '照片路径或文件名不对',
  'photo.unreadable': '照片读不了或已损坏',
  'photo.heic': 'HEIC/HEIF 格式',
  'photo.format': '照片格式不对',
  'photo.animated': '动图',
  'photo.size': '照片太小或太大',
  'photo.screenshot': '像是截图',
  'photo.minor': '未成年人不放照片',
  // The import.
  'import.leftover': '上次导入留下的文件',
  'import.lock': '导入锁',
  'import.row-field': '表格这一格不对',
  'import.row-person': '表格这一行与已有的人对不上',
  // The output gate (the last step of the build).
  'gate.personal-data': '发布检查：网页里有个人信息',
  'gate.image': '发布检查：照片做不出来或带元数据',
  // The release.
  'release.git': '发布：提交的内容读不了',
  'release.url-broken': '发布：上次公开的网址打不开',
  // A provincial portal's members (the build goes on without them).
  'portal.member-left-out': '门户：成员数据没有发布',
  'portal.record-refused': '门户：成员的一条记录没有发布',
  'portal.fetch': '门户：成员数据下载失败',
  'person.name-space': '姓名里有空格',
  'ref.release-missing': '没写发布批次',
} as const satisfies Record<string, string>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Whether a string is a registered code (for codes made in layers that cannot import this file). */
export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(PROBLEM_CODES, code);
}

/** A code made elsewhere, or `fallback` when it is not registered. */
export function problemCode(code: string | undefined, fallback: ProblemCode): ProblemCode {
  return isProblemCode(code) ? code : fallback;
}
