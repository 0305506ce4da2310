import { describe, expect, it } from 'vitest';
import { compareStrokes, sortBy, strokeClass } from './roll-order.ts';
import { pinyinSortKey } from '../model/names.ts';

const people = (names: string[]) => names.map((name) => ({ name, pinyinKey: pinyinSortKey(name) }));
const names = (items: Array<{ name: string }>) => items.map((i) => i.name);

describe('pinyin order', () => {
  it('sorts surnames by their surname reading, not the common one', () => {
    // Common readings would put 曾 (céng) before 陈, 单 (dān) before 邓, 解 (jiě) before 李,
    // 区 (qū) after 秦 and 仇 (chóu) before 崔. 区 and 欧 both read ōu: fewer strokes first.
    const sorted = sortBy(
      people(['曾伟', '陈伟', '张伟', '单伟', '邓伟', '解伟', '李伟', '欧伟', '区伟', '仇伟', '崔伟', '秦伟']),
      'pinyin',
    );
    expect(names(sorted)).toEqual([
      '陈伟',
      '崔伟',
      '邓伟',
      '李伟',
      '区伟',
      '欧伟',
      '秦伟',
      '仇伟',
      '单伟',
      '解伟',
      '曾伟',
      '张伟',
    ]);
  });

  it('reads 查 zhā, 盖 gě, 朴 piáo, 翟 zhái, 覃 qín, 缪 miào as surnames', () => {
    const sorted = sortBy(people(['查明', '盖明', '朴明', '翟明', '覃明', '缪明', '马明']), 'pinyin');
    expect(names(sorted)).toEqual(['盖明', '马明', '缪明', '朴明', '覃明', '查明', '翟明']);
  });

  it('sorts a compound surname as one surname', () => {
    // "ou wei" < "ouyang ming" and "shang wei" < "shangguan jing": the compound surname is one unit.
    const sorted = sortBy(people(['欧阳明', '欧伟', '司马光', '司伟', '上官静', '尚伟']), 'pinyin');
    expect(names(sorted)).toEqual(['欧伟', '欧阳明', '尚伟', '上官静', '司伟', '司马光']);
  });
});

describe('按姓氏笔画 order', () => {
  it('classes strokes 横 竖 撇 点 折, with 提 as 横, 捺 as 点 and hooks as 折', () => {
    expect(['一', '㇀', '丨', '丿', '丶', '㇏', '𠃍', '亅', '㇇|乛'].map(strokeClass)).toEqual([
      1, 1, 2, 3, 4, 4, 5, 5, 5,
    ]);
  });

  it('orders surnames by stroke count, then by the strokes in writing order', () => {
    const sorted = sortBy(
      people([
        '曾伟',
        '王芳',
        '丁一',
        '卫东',
        '马力',
        '于海',
        '上官静',
        '区志强',
        '毛毛',
        '仇建华',
        '方正',
        '孔明',
        '解红梅',
      ]),
      'strokes',
    );
    expect(names(sorted)).toEqual([
      '丁一', // 2
      '于海', // 3: 横…
      '上官静', // 3: 竖…
      '卫东', // 3: 折 竖
      '马力', // 3: 折 折
      '王芳', // 4: 横 横
      '区志强', // 4: 横 撇
      '毛毛', // 4: 撇 横
      '仇建华', // 4: 撇 竖
      '方正', // 4: 点
      '孔明', // 4: 折
      '曾伟', // 12
      '解红梅', // 13
    ]);
  });

  it('keeps a compound surname together and then compares given names by strokes', () => {
    const sorted = [{ name: '王五' }, { name: '王一' }, { name: '王二' }, { name: '上官云' }, { name: '上伟' }].sort(
      compareStrokes,
    );
    expect(names(sorted)).toEqual(['上伟', '上官云', '王一', '王二', '王五']);
  });
});
