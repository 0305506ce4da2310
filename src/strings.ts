/**
 * Every piece of UI text, in zh-CN. Components read from here; nothing
 * user-visible is typed inside a component.
 */
import type { Kind, Level } from './lib/schema.ts';

export const t = {
  lang: 'zh-CN',
  skipToContent: '跳到正文',
  nav: {
    label: '主导航',
    home: '首页',
    breadcrumb: '当前位置',
  },
  sample: {
    banner: '示例数据：本站当前展示的人物和事迹均为虚构，仅用于演示“好人榜”系统，不代表真实人物。',
    photo: '示例照片',
  },
  footer: {
    publisher: '发布单位',
    corrections: '信息纠错',
    licence: '开放数据许可',
    privacy: '本站不公开身份证号、电话号码和家庭住址；未成年人只公开姓名、学校和事迹。',
  },
  home: {
    countsHeading: '榜单统计',
    countsNote: '按荣誉级别统计人数，同一人获得多个级别荣誉时分别计入。',
    peopleUnit: '人（组）',
    latestRelease: '最新发布',
    releaseDate: '发布日期',
    newest: '最新上榜',
    more: '查看本期全部',
    total: (n: number) => `共收录 ${n} 位（个）好人`,
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
    honoursNote: '从县级到全国，自下而上排列。',
    story: '事迹',
    sources: '资料来源',
    deceased: '已故',
    minorNote: '未成年人，按规定只公开姓名、学校和事迹。',
    withdrawnHeading: '此条目已撤销',
    withdrawnOn: (date: string) => `撤销日期：${date}`,
    withdrawnReason: '撤销原因',
    withdrawnNote: '该条目已从所有榜单中移除，保留此页面以免原链接失效。',
    session: (n: number) => `第${n}届`,
    year: (y: number) => `${y}年`,
    releaseLink: '所属批次',
  },
  card: {
    meta: (region: string, title: string, level: string) => `${region} · ${title}（${level}）`,
  },
  kinds: { person: '个人', family: '家庭', group: '集体' } satisfies Record<Kind, string>,
  levels: { national: '全国', provincial: '省级', city: '市级', county: '县级' } satisfies Record<Level, string>,
  notFound: {
    title: '页面没有找到',
    body: '您要找的页面不存在，可能是网址输错了，或者页面已经移动。',
    back: '返回首页',
  },
} as const;

/** 1975-04 → 1975年4月; 1975-04-09 → 1975年4月9日; 1975 → 1975年. */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}
