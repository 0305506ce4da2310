import { describe, expect, it } from 'vitest';
import { siteOf } from './gate-site.ts';

const site = { id: 'site', city: '临汾市', province: '山西省', title: '临汾好人榜', url: 'https://hrb.example.cn' };
const full = { ...site, description: '简介', corrections: '纠错', licence: 'CC BY 4.0', publisher: '临汾市文明办' };

describe('siteOf: the gate reads site.yaml through the site schema', () => {
  it('parses the site record, defaults filled in', () => {
    expect(siteOf([full, { id: 'other' }])).toMatchObject({ city: '临汾市', contact: {}, sample: false });
    expect(siteOf([{ ...full, contact: { email: 'jiucuo@example.cn' } }])?.contact).toEqual({
      email: 'jiucuo@example.cn',
    });
  });

  it('has no settings without a site record, and refuses a record the schema refuses', () => {
    expect(siteOf([])).toBeUndefined();
    expect(siteOf({ id: 'site' })).toBeUndefined();
    expect(() => siteOf([{ ...full, contact: { email: 5 } }])).toThrow();
  });
});
