import { describe, expect, it } from 'vitest';
import { findPersonalData, mask } from './privacy.ts';

const kinds = (text: string) => findPersonalData(text).map((h) => `${h.kind}:${h.match}`);

describe('findPersonalData', () => {
  it('finds 18-digit ID numbers with a digit or X check digit, also in full-width digits', () => {
    expect(kinds('身份证号140102196805171234。')).toEqual(['id:140102196805171234']);
    expect(kinds('证件号：14010219680517123X')).toEqual(['id:14010219680517123X']);
    expect(kinds('１４０１０２１９６８０５１７１２３ｘ')).toEqual(['id:14010219680517123x']);
  });

  it('does not take other long numbers, years or amounts for IDs', () => {
    expect(kinds('累计服务时长 12000 小时，捐款 200000 元，2026年3月。')).toEqual([]);
    expect(kinds('编号 1401021968051712345678')).toEqual([]);
  });

  it('finds mobile numbers however they are spaced', () => {
    expect(kinds('联系电话13812345678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话 138-1234-5678 或 +86 139 1234 5678')).toEqual([
      'mobile:138-1234-5678',
      'mobile:+86 139 1234 5678',
    ]);
    expect(kinds('他已坚持 12345678901 次')).toEqual([]); // starts with 12: not a mobile prefix
  });

  it('finds landlines with an area code', () => {
    expect(kinds('办公电话0357-2345678')).toEqual(['landline:0357-2345678']);
    expect(kinds('（0357）2345678')).toEqual(['landline:(0357)2345678']);
  });

  it('finds street numbers, buildings, units and rooms, but not counts of things', () => {
    expect(kinds('家住尧都区解放路12号3单元501室')).toEqual([
      'address:家住尧都区解放路12号',
      'address:3单元',
      'address:501室',
    ]);
    expect(kinds('住在5号楼')).toEqual(['address:5号楼']);
    expect(kinds('住在某村，帮助了30名老人，修了2座桥，照顾3户人家')).toEqual([]);
  });

  it('sees through disguises: references, full-width, zero-width, separators, line breaks, emphasis', () => {
    expect(kinds('电话1381234&#53;678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话1381234&#x35;678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话１３８１２３４５６７８')).toEqual(['mobile:13812345678']);
    expect(kinds('电话138\u200b1234\u200d5678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话138.1234.5678')).toEqual(['mobile:138.1234.5678']);
    expect(kinds('电话138\n1234\n5678')).toEqual(['mobile:138\n1234\n5678']);
    expect(kinds('电话138**1234**5678')).toEqual(['mobile:138**1234**5678']);
    expect(kinds('身份证 140102 19800101 1234')).toEqual(['id:140102 19800101 1234']);
  });

  it('finds a number glued to a name that ends in a digit word (张三, 周一, 王五六), and keeps the name out of it', () => {
    expect(kinds('张三11010519491231002X')).toEqual(['id:11010519491231002X']);
    expect(kinds('周一110105194912310021')).toEqual(['id:110105194912310021']);
    expect(kinds('王五六14010219680517123X')).toEqual(['id:14010219680517123X']);
    expect(kinds('张三13912345678')).toEqual(['mobile:13912345678']);
    expect(kinds('找刘一(0357)2345678')).toEqual(['landline:(0357)2345678']);
    expect(kinds('张三 139 1234 5678一家')).toEqual(['mobile:139 1234 5678']);
    // Counts and years beside digit words stay what they are.
    expect(kinds('张三帮助了一二三四五六七位老人，2019年获奖')).toEqual([]);
  });

  it('finds old 15-digit IDs, landlines without a dash, emails and bank cards', () => {
    expect(kinds('老身份证140102800101123')).toEqual(['id:140102800101123']);
    expect(kinds('座机03571234567')).toEqual(['landline:03571234567']);
    expect(kinds('邮箱 zhang.san@qq.com，或 li＠163.com')).toEqual(['email:zhang.san@qq.com', 'email:li@163.com']);
    expect(kinds('卡号 6222 0000 0000 0007')).toEqual([]); // fails the Luhn check: not a card number
    expect(kinds('卡号 4111 1111 1111 1111')).toEqual(['bank:4111 1111 1111 1111']);
  });

  it('finds addresses written in Chinese numerals, but not flats described or textbook units', () => {
    expect(kinds('家住解放路十二号五号楼二单元')).toEqual([
      'address:家住解放路十二号',
      'address:五号楼',
      'address:二单元',
    ]);
    expect(kinds('一家人挤在三室一厅里，学完了第二单元的课文')).toEqual([]);
  });

  it('accepts exactly the declared public contacts', () => {
    const allowed = { emails: ['jiucuo@example.cn'], phones: ['0357-1234567'] };
    expect(findPersonalData('请发邮件至 jiucuo@example.cn 或致电 0357 1234567', allowed)).toEqual([]);
    expect(kinds('请发邮件至 jiucuo2@example.cn')).toEqual(['email:jiucuo2@example.cn']);
    expect(findPersonalData('致电 0357-1234568', allowed)).toHaveLength(1);
  });

  it('reads a URL whole, percent-decoded, where only an article id is not taken for a bank card', () => {
    expect(kinds('https://news.example.cn/a/13812345678.html')).toEqual(['mobile:13812345678']);
    expect(kinds('https://news.example.cn/a?tel=13812345678')).toEqual(['mobile:13812345678']);
    expect(kinds('https://news.example.cn/a#%E7%94%B5%E8%AF%9D13812345678')).toEqual(['mobile:13812345678']);
    expect(kinds('tel:%31%38%39%31%32%33%34%35%36%37%38')).toEqual(['mobile:18912345678']);
    expect(kinds('mailto:liuyi%40qq.com')).toEqual(['email:liuyi@qq.com']);
    // Real news links whose ids pass the Luhn check: ids, not cards.
    expect(kinds('https://m.weibo.cn/status/4912345678901230')).toEqual([]);
    expect(kinds('见 https://www.toutiao.com/a6861234567890123453/ 报道')).toEqual([]);
    // The same digits outside a link are a card.
    expect(kinds('卡号 4912345678901230')).toEqual(['bank:4912345678901230']);
    // An ID number in a link needs its check digit; a valid one is refused.
    expect(kinds('https://x.cn/p/110101199003074511')).toEqual([]);
    expect(kinds('https://x.cn/p/110101199003074514')).toEqual(['id:110101199003074514']);
    // A card right after a link, outside it, is still a card.
    expect(kinds('https://x.cn/a 4111 1111 1111 1111')).toEqual(['bank:4111 1111 1111 1111']);
  });

  it('reads digits of every script as digits', () => {
    expect(kinds('电话١٣٨١٢٣٤٥٦٧٨')).toEqual(['mobile:13812345678']);
    expect(kinds('电话۱۳۸۱۲۳۴۵۶۷۸')).toEqual(['mobile:13812345678']);
    expect(kinds('电话१३८१२३४५६७८')).toEqual(['mobile:13812345678']);
    expect(kinds('电话𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖')).toEqual(['mobile:13812345678']);
  });

  it('reads seven or more Chinese digit words as a number, but not numbers in words', () => {
    expect(kinds('电话一三八一二三四五六七八')).toEqual(['mobile:13812345678']);
    expect(kinds('电话幺三八 幺二三四 五六七八')).toEqual(['mobile:138 1234 5678']);
    expect(kinds('电话幺三八\u3000\u3000\u3000\u3000幺二三四，，五六七八')).toHaveLength(1);
    expect(kinds('电话壹叁捌壹贰叁肆伍陆柒捌')).toEqual(['mobile:13812345678']);
    expect(kinds('呼叫幺三拐 幺两三四 五六勾洞')).toEqual(['mobile:137 1234 5690']);
    expect(kinds('身份证一四〇一〇二一九八〇〇一〇一一二三四')).toEqual(['id:140102198001011234']);
    expect(kinds('电话138一二三四五六七八')).toEqual(['mobile:13812345678']);
    expect(kinds('一九九八年，二〇〇八年，一千三百八十二万，三三两两，一二三四五六')).toEqual([]);
  });

  it('reads numbers through any punctuation, symbol or run of spaces between groups', () => {
    expect(kinds('电话138，1234，5678')).toEqual(['mobile:138,1234,5678']);
    expect(kinds('电话139、1234、5678')).toEqual(['mobile:139、1234、5678']);
    expect(kinds('138★1234★5678爱心车队')).toEqual(['mobile:138★1234★5678']);
    expect(kinds('电话137    1234    5678')).toEqual(['mobile:137    1234    5678']);
    expect(kinds('电话137\u3000\u3000\u3000\u30001234\u3000\u3000\u3000\u30005678')).toHaveLength(1);
    expect(kinds('140102     19800101     1234')).toEqual(['id:140102     19800101     1234']);
    expect(kinds('电话135. 1234. 5678.')).toEqual(['mobile:135. 1234. 5678']);
    expect(kinds('2019、2020、2021年，捐款100、200、300、500元，服务3，120人次')).toEqual([]);
  });

  it('finds e-mails written with (at), [at], spaces or a word for @', () => {
    expect(kinds('邮箱liuyi(at)qq.com')).toEqual(['email:liuyi@qq.com']);
    expect(kinds('邮箱 liuyi [at] qq [dot] com')).toEqual(['email:liuyi@qq.com']);
    expect(kinds('邮箱 liuyi @ 163.com')).toEqual(['email:liuyi@163.com']);
    expect(kinds('邮箱 liuyi＠163．com')).toEqual(['email:liuyi@163.com']);
    expect(kinds('邮箱 liuyi艾特qq.com')).toEqual(['email:liuyi@qq.com']);
    expect(kinds('邮箱 liuyi#qq.com')).toEqual(['email:liuyi@qq.com']);
    expect(kinds('邮箱 liuyi at qq.com')).toEqual(['email:liuyi@qq.com']);
    expect(kinds('邮箱 liuyi(艾特)qq。com，或 liuyi（@）163.com')).toEqual([
      'email:liuyi@qq.com',
      'email:liuyi@163.com',
    ]);
    expect(kinds('他在 QQ 群里和 at 了大家，网站 www.qq.com，chatgpt.com')).toEqual([]);
  });

  it('finds house numbers with dashes, prefixes and building-unit-room triples', () => {
    expect(kinds('住解放路12-3号')).toEqual(['address:住解放路12-3号']);
    expect(kinds('住滨河小区3-2-501')).toEqual(['address:3-2-501']);
    expect(kinds('住解放路甲12号')).toEqual(['address:住解放路甲12号']);
    expect(kinds('住王家村十二号')).toEqual(['address:村十二号']);
    expect(kinds('2021-03-15，比分 3-2，第12-15页')).toEqual([]);
  });

  it('masks a number for messages', () => {
    expect(mask('140102196805171234')).toBe('140************234');
  });
});

// Variants a red team found after the second round: each was published.
describe('findPersonalData, third round', () => {
  it('reads through ellipses, long dash runs, emoji, keycaps, fillers and invisible marks', () => {
    expect(kinds('电话138……1234……5678')).toHaveLength(1);
    expect(kinds('电话138----1234----5678')).toHaveLength(1);
    expect(kinds('电话138😀1234😀5678')).toHaveLength(1);
    expect(kinds('身份证140102😀19800101😀1234')).toEqual([expect.stringMatching(/^id:/)]);
    expect(kinds('电话1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣')).toHaveLength(1);
    expect(kinds('电话138ㅤ1234ㅤ5678')).toHaveLength(1);
    expect(kinds('电话138\uFE0F1234\u034F5678')).toHaveLength(1);
    expect(kinds('电话幺三八😀幺二三四😀五六七八')).toHaveLength(1);
  });

  it('reads circled dingbat digits and variant digit characters', () => {
    expect(kinds('电话❶❸❽❶❷❸❹❺❻❼❽')).toEqual(['mobile:13812345678']);
    expect(kinds('电话➀➂➇➀➁➂➃➄➅➆➇')).toEqual(['mobile:13812345678']);
    expect(kinds('电话⓵⓷⓼⓵⓶⓷⓸⓹⓺⓻⓼')).toEqual(['mobile:13812345678']);
    expect(kinds('电话一叄八一二叄四五六七八')).toEqual(['mobile:13812345678']);
    expect(kinds('电话弌弎八弌弍弎四五六七八')).toEqual(['mobile:13812345678']);
  });

  it('finds e-mails with spaced 点, a space for the dot, and QQ mailboxes and ids', () => {
    expect(kinds('邮箱 liuyi 艾特 qq 点 com')).toEqual(['email:liuyi@qq.com']);
    expect(kinds('邮箱 liuyi@qq com')).toEqual(['email:liuyi@qq.com']);
    expect(kinds('QQ邮箱 12345678@qq')).toEqual(['email:12345678@qq']);
    expect(kinds('加他QQ号123456789，微信号：liuyi_1988')).toEqual(['im:QQ号123456789', 'im:微信号:liuyi_1988']);
  });

  it('finds house numbers written with slashes, dots, #, 號, 大写 numerals, and a few words before them', () => {
    for (const text of [
      '滨河小区3/2/501',
      '滨河小区3.2.501',
      '住3#2-501',
      '滨河小区3 2 501',
      '解放路12號',
      '幸福小区壹号楼贰单元伍零壹室',
      '家住解放路口北12号',
      '住在解放路，门牌12号',
    ])
      expect(kinds(text), text).not.toEqual([]);
  });

  it('finds a house number after a town, a hamlet or a village group, or after 家住, 住在 or 住址 and a place', () => {
    for (const text of [
      '家住东关12号',
      '住址：城关镇12号',
      '王庄村三组12号',
      '屯里镇28号',
      '赵家庄12号，身份证140102196805171234',
      '住在东关大院5号',
      '地址 东关十二号',
    ])
      expect(kinds(text), text).toContainEqual(expect.stringMatching(/^address:/));
    for (const text of ['12号那天他回来了', '他是12号选手', '3月12号出发', '第三组12号队员上场', '家住东关，12号那天'])
      expect(kinds(text), text).toEqual([]);
  });

  it('does not take times, scores, amounts or mail-like words for personal data', () => {
    for (const text of [
      '2021-03-15 13:45:20 出发',
      '捐款13,812,345,678元',
      '比分 13:8，12:34，56:78',
      '发至 office#2021.com 的公告',
      'he was at home.com',
      '15/03/2021 他到了',
      '十'.repeat(30),
    ])
      expect(kinds(text), text).toEqual([]);
  });

  it('stays linear on long runs of numerals (43,000 十 took 34 s)', () => {
    const started = performance.now();
    findPersonalData('十'.repeat(43_000));
    findPersonalData('一,'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
