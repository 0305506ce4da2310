/**
 * Every piece of UI text, in zh-CN. Components read from here; nothing
 * user-visible is typed inside a component.
 */
import type { Kind, Level } from './model/schema.ts';

/** Counts of people, families and groups (src/roll/stats.ts). */
type KindCounts = Record<Kind, number>;

const UNITS = { person: '位', family: '户', group: '个' } satisfies Record<Kind, string>;
const KIND_NOUNS = { person: '个人', family: '家庭', group: '集体' } satisfies Record<Kind, string>;

/** The unit of a total: 位 for people alone, 个 with families or groups among them (as countIn says it). */
const totalUnit = (counts: KindCounts) => (counts.family + counts.group ? '个' : '位');

/**
 * A count in the units of what is counted: 12 位; 3 户; mixed, 12 个（10 位个人、1 户家庭、1 个集体）, 个
 * being the measure official lists use for people and groups together (a bare 12 read as no unit).
 * Nothing yet: 0 位.
 */
export function countIn(counts: KindCounts): string {
  const kinds = (Object.keys(UNITS) as Kind[]).filter((k) => counts[k] > 0);
  const total = kinds.reduce((n, k) => n + counts[k], 0);
  const [only] = kinds;
  // A no-break space between a number and its unit: a line broke 共 5（4 / 位个人.
  if (kinds.length <= 1) return `${total}\u00a0${UNITS[only ?? 'person']}`;
  return `${total}\u00a0个（${kinds.map((k) => `${counts[k]}\u00a0${UNITS[k]}${KIND_NOUNS[k]}`).join('、')}）`;
}

export const t = {
  lang: 'zh-CN',
  skipToContent: '跳到正文',
  nav: {
    label: '主导航',
    /** The footer's list of the same sections (长辈模式, whose header has no menu). */
    footerLabel: '全部栏目',
    home: '首页',
    people: '全部好人',
    honours: '荣誉称号',
    regions: '地区',
    categories: '类别',
    years: '年份',
    releases: '发布批次',
    stats: '统计',
    breadcrumb: '当前位置',
    menu: '菜单',
  },
  largeText: {
    label: '长辈模式',
    short: '长辈',
  },
  search: {
    title: '搜索',
    label: '搜索姓名、拼音或事迹',
    /** Short enough to show whole in 长辈模式 at 320 px (如：张建、zjg was cut); the hint under the box says the rest. */
    placeholder: '如：张建',
    submit: '搜索',
    headerLabel: '全站搜索',
    noScript: '搜索需要浏览器开启 JavaScript。您也可以直接按下面的分类浏览：',
    hint: '输入姓名、姓、全拼或拼音首字母，也可以输入事迹里的词。',
    /** Under an empty search: the rolls to browse instead. */
    browse: '也可以按下面的分类查看：',
    loading: '正在搜索…',
    found: (counts: KindCounts) => `找到 ${countIn(counts)}`,
    foundSoFar: (counts: KindCounts) => `姓名中找到 ${countIn(counts)}，正在查找事迹…`,
    searchingStories: '姓名中没有，正在查找事迹…',
    none: '没有找到，请换个词再试，或按地区、称号浏览。',
    noneFiltered: '没有找到，请换个词或去掉一些筛选条件。',
    oneCharacter: (q: string) => `没有找到姓名中有“${q.trim()}”的人。请多输几个字，或输入姓名。`,
    more: '显示更多',
    filters: '筛选',
    filterCount: (n: number) => `（${n}）`,
    /** At the open filters' end: folds them and goes back to the results. */
    filtersDone: '看结果',
    removeFilter: (name: string, value: string) => `去掉筛选：${name} ${value}`,
    clear: '清除筛选',
    failed: '搜索暂时无法使用，请稍后再试，或按分类浏览。',
    /** The card template's text, field names that the search page's script replaces (never shown). */
    cardTemplate: { name: '姓名', level: '荣誉级别：', honour: '荣誉称号', region: '地区', summary: '事迹' },
    filterNames: {
      level: '荣誉级别',
      title: '荣誉称号',
      region: '地区',
      category: '类别',
      year: '年份',
      kind: '类型',
    },
  },
  rolls: {
    people: { index: '全部好人', heading: () => '全部好人' },
    honours: { index: '荣誉称号', heading: (name: string) => name },
    regions: { index: '地区', heading: (name: string) => `${name}好人榜` },
    categories: { index: '类别', heading: (name: string) => `${name}类好人` },
    years: { index: '年份', heading: (name: string) => `${name}上榜的好人` },
    releases: { index: '发布批次', heading: (name: string) => name },
    count: (counts: KindCounts) => `共\u00a0${countIn(counts)}`,
    /** Under a release's heading: 2026年3月27日 临汾市文明办发布. */
    issued: (date: string, issuer?: string) => `${date} ${issuer ?? ''}发布`,
    empty: '这里暂时还没有条目。',
    order: '排序方式',
    byPinyin: '按姓名拼音',
    byStrokes: '按姓氏笔画',
    pages: '分页',
    page: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
    prev: '上一页',
    next: '下一页',
    pageN: (n: number) => `第 ${n} 页`,
    year: (y: number) => `${y}年`,
    session: (n: number, y: number) => `第${n}届（${y}年）`,
    noPhoto: '无照片',
  },
  indexes: {
    honoursIntro: '按荣誉级别列出各项称号，数字为获此称号的人数。',
    regionsIntro: '全市各县（市、区）上榜人数，按官方顺序排列。',
    regionsTotalNote:
      '同一人可能获得不同级别的荣誉（例如既是市级好人又是省级好人），在每个级别各计一次，在合计中只计一次，所以合计可能小于各级别之和。',
    categoriesIntro: '按事迹类别浏览。',
    yearsIntro: '按获得荣誉的年份浏览，同一人在不同年份获得荣誉时分别列出。',
    releasesIntro: '每季度发布一批，最新的在前。',
    level: '级别',
    region: '地区',
    total: '合计',
    count: countIn,
    releaseDate: (d: string) => `发布于 ${d}`,
  },
  stats: {
    title: '统计',
    intro: '以下数字按本站公布的好人统计，已撤销的不算在内。',
    byLevel: '按荣誉级别',
    byTitle: '按荣誉称号',
    byRegion: '按地区',
    byCategory: '按类别',
    byYear: '按年份',
    item: '项目',
    count: '数量',
    chartOf: (what: string) => `${what}的柱状图，数据见旁边的表格`,
    link: '查看详细统计',
  },
  sample: {
    mark: '示例数据 · 人物为虚构',
    banner: '本站的人物和事迹都是虚构的，只用于演示“好人榜”系统。',
    dismiss: '收起示例数据说明',
    photo: '示例照片',
    label: '示例数据说明',
  },
  footer: {
    publisher: '发布单位',
    corrections: '信息纠错',
    email: (address: string) => `发邮件纠错：${address}`,
    sponsor: '主办单位',
    organizer: '承办单位',
    sponsorContact: '联系方式',
    governmentSiteCode: '网站标识码',
    icp: 'ICP备案号',
    police: '公安机关备案号',
    phone: (number: string) => `打电话纠错：${number}`,
    /** Whom the content belongs to, in plain words; the licence's name for those who need it. */
    reuse: '欢迎转发、转载，请注明来自',
    privacy: '本站不公开身份证号、电话号码和家庭住址；未成年人只公开姓名、学校和事迹。',
  },
  home: {
    countsHeading: '榜单统计',
    countsNote: '按荣誉级别统计人数，同一人获得多个级别荣誉时分别计入。',
    latestRelease: '最新发布',
    releaseDate: '发布日期',
    newest: '此前上榜',
    /** In pieces a line may break between: 全国和省级道德模 / 范、好人 at 360 px in 长辈模式. */
    hall: ['全国和省级', '道德模范、好人'],
    hallNote: '获得全国、省级荣誉的本市好人，左右滑动查看更多。',
    /** Beside the latest batch's strip on a phone (长辈模式 lists it instead): the third card is only a sliver. */
    bannerSwipe: '← 左右滑动看更多 →',
    /** The county tiles' heading, in pieces a line may break between (按县（市、区）浏 / 览 at 320 px). */
    byRegion: ['按县（市、区）', '浏览'],
    more: '查看本期全部',
    /**
     * Over a band's button in 长辈模式, which lists its first few: 这里先列出 2 位，本期共 6 位。 In the total's unit
     * (这里先列出 2 个，共 12 个。: 2 位 of 12 个 read as two kinds of thing).
     */
    shownOf: (shown: number, total: KindCounts, scope = ''): string =>
      `这里先列出 ${shown} ${totalUnit(total)}，${scope}共 ${t.homeCounts.total(total)}。`,
    /** shownOf's scope for the newest release. */
    thisBatch: '本期',
    total: (counts: KindCounts) => `共收录 ${countIn(counts)}`,
  },
  entry: {
    facts: '基本信息',
    region: '所在地区',
    category: '类别',
    kind: '类型',
    gender: '性别',
    birth: '出生',
    ethnicity: '民族',
    unit: '工作单位',
    school: '学校',
    role: '职务',
    honours: '所获荣誉',
    honoursNote: '最高的荣誉在最上面，往下依次到县级。',
    story: '事迹',
    sources: '资料来源',
    deceased: '已故',
    minorNote: '未成年人，按规定只公开姓名、学校和事迹。',
    withdrawnHeading: '此条目已撤销',
    /** The same, where a line may break (此条目 / 已撤销, not 此条目已撤 / 销). */
    withdrawnHeadingPieces: ['此条目', '已撤销'],
    withdrawnOn: '撤销日期：',
    withdrawnNote: '这一条已从所有名单中去掉。留下这一页，是为了让以前分享的链接还能打开。',
    /** The withdrawn page's way on to every listed person. */
    withdrawnPeople: '看全部好人',
    session: (n: number) => `第${n}届`,
    year: (y: number) => `${y}年`,
    releaseLink: '所属批次',
    related: '相关好人',
    inRelease: (title: string) => `同批次：${title}`,
    prev: '上一位',
    next: '下一位',
    print: '打印本页',
    /** At the foot of a printed entry: 来自临汾好人榜：https://… */
    printSource: (site: string, url: string) => `来自${site}：${url}`,
    where: (region: string, category: string) => `${region} · ${category}`,
    honourOf: '荣誉：',
    quoteBy: (who: string) => `——${who}`,
  },
  kinds: KIND_NOUNS,
  levels: { national: '全国', provincial: '省级', city: '市级', county: '县级' } satisfies Record<Level, string>,
  poster: {
    title: (release: string) => `${release} 光荣榜（打印版）`,
    heading: (release: string) => `${release}光荣榜`,
    date: (d: string) => `发布日期：${d}`,
    paper: '纸张',
    howTo: '选好纸张后点“打印”，或用浏览器的“打印”存为 PDF。',
    print: '打印光荣榜',
    scan: '扫码看事迹',
    link: '打印光荣榜',
  },
  readAloud: {
    read: '朗读',
    pause: '暂停',
    resume: '继续',
    stop: '停止',
    /** The no-voice note's one line, which opens to say why and what to do. */
    cannot: '暂不能朗读，怎么办？',
    /** Beside the disabled button where the browser has no Chinese voice: what is missing and how to get it. */
    noVoice:
      '本机没有中文语音，暂不能朗读。安卓手机：在“设置”里搜“文字转语音”或“语音朗读”；苹果手机：设置 › 辅助功能 › 朗读内容。',
  },
  /** Where a print button would be, in WeChat's own browser (which prints nothing). */
  printInApp: '微信里不能打印：请点右上角“···”，选“在浏览器打开”，再打印。',
  share: {
    /** og:title of a page: 何淑珍 · 中国好人榜 · 临汾好人榜. */
    title: (page: string, siteTitle: string) => `${page} · ${siteTitle}`,
    entry: (name: string, honour: string) => `${name} · ${honour}`,
  },
  redirect: {
    title: (name: string) => `页面已移动：${name}`,
    body: '此页面已移动到：',
  },
  notFound: {
    title: '页面没有找到',
    body: '您要找的页面不存在，可能是网址输错了，或者页面已经移动。',
    back: '返回首页',
  },
  /** The page `npm run dev` shows in place of every page while the content has errors. */
  devProblems: {
    title: '预览暂停：内容有错误',
    lead: (errors: number) => `内容有错误（${errors} 处），网站预览先暂停。请按下面每一条的提示修改文件并保存：`,
    columns: '每一条的格式：文件:行号 — 字段 — 哪里不对、怎样改（与 npm run content:check 给出的相同）。',
    waiting: '改好并保存后，本页会自动刷新为网站页面，不用重新运行命令。',
  },
  /** A provincial portal's home (site.yaml `members`) and a city's 在全省搜索. */
  portal: {
    hall: '全省好人风采',
    hallNote: '全国和省级道德模范在前；点击姓名到所在城市的好人榜查看。',
    members: '各市好人榜',
    memberCount: (n: number) => `${n} 位`,
    levelCount: (level: string, n: number) => `${level} ${n}`,
    memberMissing: '数据暂未更新',
    search: '搜索全省好人',
    provinceHeading: '在全省搜索',
    provinceLoading: '正在查找全省各市的好人…',
    provinceNone: (q: string) => `全省其他城市没有找到“${q}”。`,
    provinceFound: (n: number) => `全省各市找到 ${n} 位：`,
    provinceLink: (q: string) => `到省级门户搜索“${q}”`,
    provinceFailed: '暂时连不上省级门户，可以点下面的链接去那里搜索。',
  },

  /** The editors' desk (`npm run editor`): Decap CMS's form, the story widget, the preview, the problems panel. */
  desk: {
    title: '好人榜编辑台',
    noScript: '编辑台需要浏览器开启 JavaScript。',
    allEntries: '全部条目',
    entrySingular: '好人',
    statuses: { active: '在榜', withdrawn: '已撤销' },
    patternMessage: (label: string) => `${label}的格式不对，请按下面的提示填写`,
    urlMessage: '请填写以 https:// 或 http:// 开头的完整网址',
    tooLong: (n: number) => `最多 ${n} 个字`,
    story: {
      label: '事迹正文',
      hint: '按段落写，段与段之间空一行；引用某人说的话，点“插入引语”。不要写电话、身份证号、家庭住址。',
      insertQuote: '插入引语',
      quoteText: '引语（说的话）',
      quoteBy: '说话人（可不填）',
      insert: '插入',
      cancel: '取消',
    },
    preview: {
      largeText: '长辈模式',
      loading: '正在生成预览…',
      failed: '预览暂时无法生成，请稍后再试',
      problems: '保存时会被拒绝的问题：',
      photo: '照片',
    },
    panel: {
      refused: '没有保存。请按下面每一条修改后再保存：',
      warnings: '已保存。请留意：',
      close: '关闭',
      slugFailed: '没有保存：无法为新条目生成文件名',
      heicChosen: (name: string) =>
        `照片 ${name} 是 HEIC/HEIF 格式（苹果手机默认的照片格式），网页不能显示，编辑台也不会列出它：请在手机或电脑上导出为 JPEG，再上传导出的照片`,
    },
    identity: {
      title: '请先留下您的姓名和邮箱',
      lead: '每次保存都会记在 git 里，写明是谁改的。只问这一次。',
      name: '姓名',
      email: '邮箱',
      save: '确定',
    },
  },

  /** 分享: the share card (src/client/share-card.ts) and what the pages say of themselves when shared. */
  shareCard: {
    button: '分享',
    heading: '分享',
    hint: '长按图片，可保存到手机或发送给微信好友。',
    alt: (what: string) => `分享图片：${what}。长按图片可保存或发送给好友。`,
    send: '发送给朋友…',
    copy: '复制链接',
    close: '关闭',
    copied: '链接已复制，可以粘贴到微信里发送。',
    copyByHand: '没能自动复制，请长按下面的链接，选择“复制”。',
    /** 复制链接 once it has copied: the answer where the finger is. */
    copiedButton: '已复制',
    link: '本页链接',
    scanEntry: '扫码看事迹',
    scanRelease: '扫码看本期好人',
    pressToScan: '长按图片识别二维码',
    more: (n: number) => `还有 ${n} 位，扫码查看全部`,
    /** The release page's description (its own, for a shared link): 2026年第一季度“临汾好人”，共 7 位：邓海涛、张建国…。 */
    releaseDescription: (title: string, count: string, names: readonly string[], more: boolean) =>
      `${title}，${count}：${names.join('、')}${more ? '等' : ''}。`,
  },
  /** The county tile grid, the way back to one's county, and 长辈模式's buttons (issue 31). */
  counties: {
    tilesNote: '数字是上榜人数，一个家庭、一个集体都算一个。点县名，看这个县的好人榜。',
    /** Said above tiles placed as on a map, whose empty cells are no missing county. */
    placedNote: '按地图上的位置排列。',
    tileCount: (n: number) => `${n}`,
    tableCaption: '各县（市、区）上榜人数',
    tableRegion: '县（市、区）',
    tableCount: '上榜人数',
    /**
     * Over the county's short name on the header's link to the county roll last visited (长辈模式): 回到 / 霍州.
     * Not 我的: it is the county last opened, which a resident reading a neighbour's roll did not choose as theirs.
     */
    mineShort: '回到',
    /** The entry page's county, a link to its roll. */
    rollOf: (name: string) => `${name}好人榜`,
    hallMore: '查看全部荣誉称号',
    byLevel: '各级荣誉人数',
  },
  statsNotes: {
    tables: '查看数字表格',
    unit: '单位：位（家庭、集体各算一个）。',
    sums: (sum: number, total: number) =>
      `各项相加是 ${sum}，多于共收录的 ${total}：同一人可以获得多项荣誉，每一项各计一次。`,
  },
  notFoundSearch: {
    label: '搜索姓名或事迹',
    hint: '或者输入姓名找一找：',
  },
  /** The home page's 榜单统计 tiles: the total in 位 (families and groups count one each), then its parts. */
  homeCounts: {
    /** A level's total, in its unit (totalUnit). */
    total: (counts: KindCounts) => `${counts.person + counts.family + counts.group} ${totalUnit(counts)}`,
    /**
     * 44 位个人 · 3 户家庭 · 4 个集体: each kept whole on its line. None for people alone: 7 位 says it (7 位 7 位个人
     * read twice).
     */
    parts: (counts: KindCounts) =>
      counts.family + counts.group === 0
        ? []
        : (Object.keys(UNITS) as Kind[])
            .filter((k) => counts[k] > 0)
            .map((k) => `${counts[k]} ${UNITS[k]}${KIND_NOUNS[k]}`),
    /** Between the parts. */
    separator: '、',
  },
  /** An entry's way back to its county's roll: a button in its action row (长辈模式 has no breadcrumb). */
  countyRoll: (name: string) => `${name}好人榜 ›`,
  /** 分享 in WeChat (issue 31, second review): what Web Share sends a friend, WeChat's ···, and its silent speech. */
  shareMessage: {
    /** The shared title: 何淑珍 · 中国好人榜 (a release: its title). */
    title: (name: string, honour?: string) => (honour ? `${name} · ${honour}` : name),
    /** The shared text: the card's facts apart, then the site, and the sample marker where the site shows one. */
    text: (parts: readonly string[], siteName: string, sample?: string) =>
      `${parts.filter(Boolean).join('｜')}——${siteName}${sample ? `（${sample}）` : ''}`,
    /** A release's honourees: 共 7 位：邓海涛、张建国等. */
    people: (count: string, names: readonly string[], more: boolean) =>
      `${count}：${names.join('、')}${more ? '等' : ''}`,
    /** After the share panel's hint, in WeChat's in-app browser. */
    wechat: '也可以点右上角“···”发送给朋友。',
    /** Beside the disabled 朗读 in WeChat or a browser without speech at all: another browser reads. */
    inApp: '微信里不能朗读：请点右上角“···”，选“在浏览器打开”，再点朗读。',
  },
  /** A search result the story indexes found for the query's words (not its name). */
  searchHits: {
    story: '事迹中提到',
    /** A name close to the query but not it (何树珍 finds 何淑珍): a typo, not the story. */
    similarName: '姓名相近',
  },

  /** 编辑台: notices of the desk's page script (src/desk/ui/client/main.ts) besides the panel's own. */
  deskNotices: {
    photoTooLarge: (names: string, mb: number) =>
      `照片 ${names} 超过 ${mb} MB，编辑台不能保存，也没有选用它：请先缩小（例如在手机或电脑上导出为较小的 JPEG），再上传缩小后的照片`,
    fillRequired: '请先填好标红的栏目，再点“发布”',
  },
} as const;

/**
 * 推荐身边好人: the nomination page (src/pages/nominate/index.astro) and its form (src/client/nomination.ts).
 * Apart from `t` because the search page's script imports `t` whole: these words stay out of its bundle.
 */
export const nominateText = {
  title: '推荐身边好人',
  link: '推荐身边好人',
  homeLink: '怎样推荐：填写推荐表',
  homeLead: '您身边有热心助人、见义勇为、诚实守信、敬业奉献、孝老爱亲的好人吗？欢迎向文明办推荐。',
  lead: (city: string) =>
    `您身边有热心助人、见义勇为、诚实守信、敬业奉献、孝老爱亲的好人吗？欢迎推荐。文明办核实、评议后，入选的好人会在${city}好人榜和本站公布。`,
  privacy:
    '本网站不会发送、也不会保存您填写的内容，关闭或刷新页面就没有了。请您自己用邮件、微信或纸质推荐表送到文明办。',
  /** The folded notes before the form (谁可以被推荐, 需要写什么, 推荐以后). */
  notesLabel: '推荐须知',
  whoHeading: '谁可以被推荐',
  who: [
    '在本地生活或工作的普通人，也可以是一个家庭或一个集体（比如志愿服务队）；',
    '有真实、具体的好人好事，周围群众认可；已经去世的好人也可以推荐；',
    '未成年人（不满 18 岁）只写姓名、学校和事迹，可推荐参评“新时代好少年”；',
    '可以推荐别人，也可以推荐自己身边的亲人、邻居、同事。',
  ],
  needHeading: '需要写什么',
  need: [
    '您的姓名和手机号：只用于文明办联系您核实，不会公开；',
    '被推荐人的姓名、所在县（市、区），以及乡镇、村（社区）或工作单位；',
    '事迹类别和一句话事迹（8～120 字）；',
    '事迹经过（最多 1500 字）：什么时间、在哪里、做了什么、帮助了谁、结果怎样；',
    '不需要身份证号、银行卡号和家庭门牌号，请不要填写。',
  ],
  nextHeading: '推荐以后',
  next: [
    '文明办收到后，会联系您或被推荐人所在的村（社区）、单位核实事迹；',
    '经过评议和公示，入选的好人按批次在本站公布；',
    '没有入选的，网站上不会出现被推荐人和您的任何信息。',
  ],
  sendHeading: '怎样送到文明办',
  office: '接收单位',
  email: '电子邮箱',
  address: '邮寄地址',
  phone: '咨询电话',
  mailLink: (address: string) => `发邮件推荐：${address}`,
  callLink: (phone: string) => `打电话咨询：${phone}`,
  sample: '（示例）',
  noChannels:
    '本站没有设置接收推荐的方式：请打印下面的推荐表，填好后交给所在县（市、区）或乡镇（街道）的文明办，也可以交给村（社区）工作人员转交。',
  formHeading: '填写推荐',
  required: '（必填）',
  optional: '（选填）',
  noScript: '填写检查需要浏览器打开 JavaScript。也可以直接打印下面的空白推荐表，用笔填写。',
  you: '推荐人（您）',
  nominee: '被推荐人',
  fields: {
    nominator: '您的姓名',
    mobile: '您的手机号',
    name: '被推荐人姓名（家庭或集体写名称）',
    kind: '类型',
    region: '所在县（市、区）',
    place: '乡镇、村（社区）或工作单位',
    category: '事迹类别',
    title: '推荐参评',
    summary: '一句话事迹',
    story: '事迹经过',
  },
  hints: {
    mobile: '只用于文明办联系您，不会公开。',
    place: '写到村（社区）或单位即可，例如 屯里镇东关村、县第一小学；不写门牌号。',
    summary: '8～120 字，例如：二十年如一日照顾瘫痪的婆婆。',
    story: '最多 1500 字。写清时间、地点、做了什么、帮助了谁。',
  },
  choose: '请选择',
  count: (n: number | string, max: number | string) => `${n} / ${max} 字`,
  submit: '检查并生成推荐内容',
  errors: {
    empty: (label: string) => `请填写“${label}”。`,
    choose: (label: string) => `请选择“${label}”。`,
    tooLong: (label: string, max: number | string) => `“${label}”最多 ${max} 字，请删减。`,
    tooShort: (label: string, min: number | string) => `“${label}”至少 ${min} 字，请写清做了什么。`,
    mobile: '手机号应为以 1 开头的 11 位数字，请核对。',
    personal: (what: string) => `这里有${what}：推荐不需要，也不会公开，请删除。`,
    summary: (n: number | string) => `有 ${n} 处需要修改，请看标红的地方。`,
  },
  ready: '已生成。请用下面任一种方式送到文明办：',
  mailHeading: '发邮件',
  mailButton: '用邮件发送推荐',
  mailNote: '会打开手机或电脑的邮件程序，标题和正文已经填好。如果正文不完整，请把上面的微信文字粘贴进去。',
  mailSubject: (name: string) => `推荐身边好人：${name}`,
  wechatHeading: '微信文字',
  wechatNote: '这段文字含有您的手机号：请只发给文明办或村（社区）工作人员，不要发到群里。',
  copy: '复制',
  copied: '已复制，可以粘贴到微信里发送。',
  copiedRow: '这一行已复制，可以粘贴到表格里。',
  copyFailed: '没能自动复制：文字已选中，请长按或按 Ctrl+C 复制。',
  printHeading: '纸质推荐表',
  printNote: '推荐表已按您填写的内容填好，打印后签名，寄到或送到文明办。',
  print: '打印推荐表',
  /** The row for the office's staff, folded away: residents need not open it. */
  staffSummary: '工作人员代为录入时用（您不用管）',
  rowHeading: '表格的一行',
  rowNote:
    '按本站导入表格的列顺序，用制表符分隔，可直接粘贴到 Excel 或 WPS 表格；不含推荐人的联系方式。期次请工作人员评议后填写。',
  copyRow: '复制这一行',
  copyRowWithHeader: '复制表头和这一行',
  sheetHeading: '推荐表（打印预览）',
  sheetTitle: (city: string) => `${city}身边好人推荐表`,
  /** The printed form's row labels, shorter than the form's. */
  sheet: {
    name: '被推荐人',
    kind: '类型',
    region: '所在县（市、区）',
    place: '乡镇、村（社区）或单位',
    category: '事迹类别',
    title: '推荐参评',
    summary: '一句话事迹',
    story: '事迹经过（1500 字以内，可另附页）',
    nominator: '推荐人',
    mobile: '推荐人手机号',
  },
  sheetDate: '推荐日期',
  sheetSign: '推荐人签名',
  sheetSendTo: '送达',
  /** The WeChat text and the e-mail body. */
  text: {
    heading: (city: string) => `【${city}身边好人推荐】`,
    nominator: '推荐人',
    mobile: '手机',
    nominee: '被推荐人',
    story: '事迹经过',
    date: '推荐日期',
  },
} as const;

/** 1975-04 → 1975年4月; 1975-04-09 → 1975年4月9日; 1975 → 1975年. */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}
