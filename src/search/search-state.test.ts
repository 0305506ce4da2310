import { describe, expect, it } from 'vitest';
import { exactNameFirst, pagefindFilters, parseState, serializeState, toggleFilter } from './search-state.ts';

describe('search state in the URL', () => {
  it('round-trips a query and several filters', () => {
    const state = parseState('?q=%E5%BC%A0%E5%BB%BA&region=尧都区&level=市级&level=全国&utm=x');
    expect(state).toEqual({ q: '张建', filters: { region: ['尧都区'], level: ['市级', '全国'] } });
    expect(serializeState(state)).toBe(
      `?q=${encodeURIComponent('张建')}&level=${encodeURIComponent('全国')}&level=${encodeURIComponent('市级')}&region=${encodeURIComponent('尧都区')}`,
    );
    expect(parseState(serializeState(state))).toEqual({
      q: '张建',
      filters: { level: ['全国', '市级'], region: ['尧都区'] },
    });
  });

  it('is empty for an empty search', () => {
    expect(serializeState(parseState(''))).toBe('');
    expect(serializeState({ q: '   ', filters: {} })).toBe('');
  });

  it('toggles filter values and maps them to Pagefind', () => {
    let s = toggleFilter({ q: '', filters: {} }, 'region', '古县', true);
    s = toggleFilter(s, 'region', '吉县', true);
    expect(pagefindFilters(s)).toEqual({ region: { any: ['古县', '吉县'] } });
    s = toggleFilter(s, 'region', '古县', false);
    s = toggleFilter(s, 'region', '吉县', false);
    expect(s.filters).toEqual({});
  });

  it('ranks an exact name match first', () => {
    const results = [{ title: '张建华' }, { title: '李建国家庭' }, { title: '张建国' }];
    expect(exactNameFirst('张建国', results).map((r) => r.title)).toEqual(['张建国', '张建华', '李建国家庭']);
    expect(exactNameFirst('张 建国', results)[0]?.title).toBe('张建国');
  });
});
