/**
 * The search-quality set: what residents type, and the entries that must be
 * among the first 10 results. Kinds: a full name, a run of two or more
 * characters of it, full pinyin with and without a space, pinyin initials
 * (surname readings: 曾 zeng, 单 shan, 解 xie, 区 ou, 仇 qiu, 查 zha, 翟 zhai, 覃 qin),
 * story words, some of which cross a word boundary (肺复, 血干, 卫工, 半课), and words found
 * only in one field of a page: a work unit, an honour's title, a road number in a story
 * (309国道 where the page says G309国道: the index keeps G309 whole, the browser cuts the
 * query at the digits).
 */
export type QueryKind = 'name' | 'substring' | 'pinyin' | 'pinyin-spaced' | 'initials' | 'story' | 'field';

/** The kinds the names table answers alone. */
export const NAME_KINDS: readonly QueryKind[] = ['name', 'substring', 'pinyin', 'pinyin-spaced', 'initials'];

export interface QualityQuery {
  kind: QueryKind;
  query: string;
  /** Entry ids (slugs) that must appear in the first 10 results. */
  expect: string[];
}

export const QUERIES: QualityQuery[] = [
  { kind: 'name', query: '张建国', expect: ['zhang-jianguo-yaodu'] },
  { kind: 'substring', query: '建国', expect: ['zhang-jianguo-yaodu'] },
  { kind: 'substring', query: '张建', expect: ['zhang-jianguo-yaodu'] },
  { kind: 'pinyin', query: 'zhangjianguo', expect: ['zhang-jianguo-yaodu'] },
  { kind: 'pinyin-spaced', query: 'zhang jianguo', expect: ['zhang-jianguo-yaodu'] },
  { kind: 'initials', query: 'zjg', expect: ['zhang-jianguo-yaodu'] },
  { kind: 'name', query: '曾小红', expect: ['zeng-xiaohong-yaodu'] },
  { kind: 'substring', query: '小红', expect: ['zeng-xiaohong-yaodu'] },
  { kind: 'substring', query: '曾小', expect: ['zeng-xiaohong-yaodu'] },
  { kind: 'pinyin', query: 'zengxiaohong', expect: ['zeng-xiaohong-yaodu'] },
  { kind: 'pinyin-spaced', query: 'zeng xiaohong', expect: ['zeng-xiaohong-yaodu'] },
  { kind: 'initials', query: 'zxh', expect: ['zeng-xiaohong-yaodu'] },
  { kind: 'name', query: '单建军', expect: ['shan-jianjun-houma'] },
  { kind: 'substring', query: '建军', expect: ['shan-jianjun-houma'] },
  { kind: 'substring', query: '单建', expect: ['shan-jianjun-houma'] },
  { kind: 'pinyin', query: 'shanjianjun', expect: ['shan-jianjun-houma'] },
  { kind: 'pinyin-spaced', query: 'shan jianjun', expect: ['shan-jianjun-houma'] },
  { kind: 'initials', query: 'sjj', expect: ['shan-jianjun-houma'] },
  { kind: 'name', query: '解红梅', expect: ['xie-hongmei-huozhou'] },
  { kind: 'substring', query: '红梅', expect: ['xie-hongmei-huozhou'] },
  { kind: 'substring', query: '解红', expect: ['xie-hongmei-huozhou'] },
  { kind: 'pinyin', query: 'xiehongmei', expect: ['xie-hongmei-huozhou'] },
  { kind: 'pinyin-spaced', query: 'xie hongmei', expect: ['xie-hongmei-huozhou'] },
  { kind: 'initials', query: 'xhm', expect: ['xie-hongmei-huozhou'] },
  { kind: 'name', query: '区志强', expect: ['ou-zhiqiang-quwo'] },
  { kind: 'substring', query: '志强', expect: ['ou-zhiqiang-quwo'] },
  { kind: 'substring', query: '区志', expect: ['ou-zhiqiang-quwo'] },
  { kind: 'pinyin', query: 'ouzhiqiang', expect: ['ou-zhiqiang-quwo'] },
  { kind: 'pinyin-spaced', query: 'ou zhiqiang', expect: ['ou-zhiqiang-quwo'] },
  { kind: 'initials', query: 'ozq', expect: ['ou-zhiqiang-quwo'] },
  { kind: 'name', query: '仇建华', expect: ['qiu-jianhua-yicheng'] },
  { kind: 'substring', query: '建华', expect: ['qiu-jianhua-yicheng'] },
  { kind: 'substring', query: '仇建', expect: ['qiu-jianhua-yicheng'] },
  { kind: 'pinyin', query: 'qiujianhua', expect: ['qiu-jianhua-yicheng'] },
  { kind: 'pinyin-spaced', query: 'qiu jianhua', expect: ['qiu-jianhua-yicheng'] },
  { kind: 'initials', query: 'qjh', expect: ['qiu-jianhua-yicheng'] },
  { kind: 'name', query: '欧阳明', expect: ['ouyang-ming-xiangfen'] },
  { kind: 'substring', query: '欧阳', expect: ['ouyang-ming-xiangfen'] },
  { kind: 'pinyin', query: 'ouyangming', expect: ['ouyang-ming-xiangfen'] },
  { kind: 'pinyin-spaced', query: 'ouyang ming', expect: ['ouyang-ming-xiangfen'] },
  { kind: 'initials', query: 'oym', expect: ['ouyang-ming-xiangfen'] },
  { kind: 'name', query: '王秀英', expect: ['wang-xiuying-hongtong'] },
  { kind: 'substring', query: '秀英', expect: ['wang-xiuying-hongtong'] },
  { kind: 'substring', query: '王秀', expect: ['wang-xiuying-hongtong'] },
  { kind: 'pinyin', query: 'wangxiuying', expect: ['wang-xiuying-hongtong'] },
  { kind: 'pinyin-spaced', query: 'wang xiuying', expect: ['wang-xiuying-hongtong'] },
  { kind: 'initials', query: 'wxy', expect: ['wang-xiuying-hongtong'] },
  { kind: 'name', query: '查文华', expect: ['zha-wenhua-yaodu'] },
  { kind: 'substring', query: '文华', expect: ['zha-wenhua-yaodu'] },
  { kind: 'substring', query: '查文', expect: ['zha-wenhua-yaodu'] },
  { kind: 'pinyin', query: 'zhawenhua', expect: ['zha-wenhua-yaodu'] },
  { kind: 'pinyin-spaced', query: 'zha wenhua', expect: ['zha-wenhua-yaodu'] },
  { kind: 'initials', query: 'zwh', expect: ['zha-wenhua-yaodu'] },
  { kind: 'name', query: '翟晓梅', expect: ['zhai-xiaomei-huozhou'] },
  { kind: 'substring', query: '晓梅', expect: ['zhai-xiaomei-huozhou'] },
  { kind: 'substring', query: '翟晓', expect: ['zhai-xiaomei-huozhou'] },
  { kind: 'pinyin', query: 'zhaixiaomei', expect: ['zhai-xiaomei-huozhou'] },
  { kind: 'pinyin-spaced', query: 'zhai xiaomei', expect: ['zhai-xiaomei-huozhou'] },
  { kind: 'initials', query: 'zxm', expect: ['zhai-xiaomei-huozhou'] },
  { kind: 'name', query: '覃立新', expect: ['qin-lixin-quwo'] },
  { kind: 'substring', query: '立新', expect: ['qin-lixin-quwo'] },
  { kind: 'substring', query: '覃立', expect: ['qin-lixin-quwo'] },
  { kind: 'pinyin', query: 'qinlixin', expect: ['qin-lixin-quwo'] },
  { kind: 'pinyin-spaced', query: 'qin lixin', expect: ['qin-lixin-quwo'] },
  { kind: 'initials', query: 'qlx', expect: ['qin-lixin-quwo'] },
  { kind: 'name', query: '上官静', expect: ['shangguan-jing-hongtong'] },
  { kind: 'substring', query: '上官', expect: ['shangguan-jing-hongtong'] },
  { kind: 'pinyin', query: 'shangguanjing', expect: ['shangguan-jing-hongtong'] },
  { kind: 'pinyin-spaced', query: 'shangguan jing', expect: ['shangguan-jing-hongtong'] },
  { kind: 'initials', query: 'sgj', expect: ['shangguan-jing-hongtong'] },
  { kind: 'story', query: '心肺复苏', expect: ['liang-xiaojun-hongtong'] },
  { kind: 'story', query: '环卫工人', expect: ['lin-xiufang-yicheng'] },
  { kind: 'story', query: '造血干细胞', expect: ['guo-xiaodong-houma'] },
  { kind: 'story', query: '无偿献血', expect: ['guo-xiaodong-houma'] },
  { kind: 'story', query: '连翘', expect: ['song-lihua-guxian'] },
  { kind: 'story', query: '四点半课堂', expect: ['ma-yumei-fenxi'] },
  { kind: 'story', query: '冰雹', expect: ['cao-wenbin-xixian'] },
  { kind: 'story', query: '爱心驿站', expect: ['lin-xiufang-yicheng'] },
  { kind: 'story', query: '高考', expect: ['houmashiaixinchedui-houma'] },
  { kind: 'story', query: '黄河', expect: ['jixianhukouzhiyuanjiuyuandui-jixian'] },
  { kind: 'story', query: '八万元', expect: ['luo-jianping-xiangfen'] },
  { kind: 'story', query: '扶贫', expect: ['shang-haijun-puxian'] },
  { kind: 'story', query: '阿尔茨海默病', expect: ['wu-haiyan-yonghe'] },
  { kind: 'story', query: '肺复', expect: ['liang-xiaojun-hongtong'] },
  { kind: 'story', query: '血干', expect: ['guo-xiaodong-houma'] },
  { kind: 'story', query: '卫工', expect: ['lin-xiufang-yicheng'] },
  { kind: 'story', query: '半课', expect: ['ma-yumei-fenxi'] },
  // Only in the work unit (安泽县G309国道某加油站, 乡宁县某矿山救护队, 蒲县某出租车公司).
  { kind: 'field', query: '309国道', expect: ['han-weidong-anze'] },
  { kind: 'field', query: '加油站', expect: ['han-weidong-anze'] },
  { kind: 'field', query: '矿山救护队', expect: ['qiao-baoping-xiangning'] },
  { kind: 'field', query: '出租车公司', expect: ['deng-haitao-puxian'] },
  // Only in an honour's title (全国道德模范提名奖, 山西省道德模范提名奖, 临汾市最佳志愿者).
  { kind: 'field', query: '提名奖', expect: ['ge-hongying-xixian', 'wang-xiuying-hongtong', 'qiu-jianhua-yicheng'] },
  { kind: 'field', query: '最佳志愿者', expect: ['liu-xiaoyan-anze', 'shangguan-jing-hongtong'] },
  // A road number in a story (G209国道).
  { kind: 'field', query: '209国道', expect: ['deng-haitao-puxian'] },
];
