import { describe, expect, it } from 'vitest';
import { publicView, type ViewInput } from './public-view.ts';

const adult: ViewInput<string> = {
  minor: false,
  allowBirth: false,
  birth: '1968-05',
  gender: '女',
  ethnicity: '汉族',
  unit: '某社区卫生服务站',
  role: '医生',
  deceased: false,
  status: 'active',
  photo: { src: 'photo.jpg', alt: '照片' },
  sources: [{ title: '报道', url: 'https://example.cn/a' }],
};

describe('publicView: the one decision of what the public sees', () => {
  it('shows an adult’s facts', () => {
    expect(publicView(adult, ['2026'])).toEqual({
      minor: false,
      photo: { src: 'photo.jpg', alt: '照片' },
      gender: '女',
      birth: '1968-05',
      ethnicity: '汉族',
      unit: '某社区卫生服务站',
      role: '医生',
      deceased: false,
      sources: adult.sources,
    });
  });

  it('shows a minor by name, school and deed only', () => {
    expect(publicView({ ...adult, minor: true, birth: undefined }, ['2026'])).toEqual({
      minor: true,
      school: '某社区卫生服务站',
      birth: undefined,
      deceased: false,
      sources: adult.sources,
    });
    expect(publicView({ ...adult, minor: true, birth: '2012', allowBirth: true }, ['2026']).birth).toBe('2012');
  });

  it('treats a person under 18 on an honour’s day as a minor, even unflagged', () => {
    const view = publicView({ ...adult, birth: '2010' }, ['2019', '2026-03-20']);
    expect(view.minor).toBe(true);
    expect(view.photo).toBeUndefined();
    expect(view.birth).toBeUndefined();
  });

  it('shows of a withdrawn entry the withdrawal date, nothing else (not why: that stays in the office)', () => {
    expect(
      publicView({ ...adult, status: 'withdrawn', withdrawal: { reason: '事迹不实', date: '2026-02-01' } }, ['2026']),
    ).toEqual({ withdrawn: { date: '2026-02-01' }, minor: false, deceased: false, sources: [] });
  });
});
