import { describe, expect, it } from 'vitest';
import { surnameTile } from './surname-tile.ts';
import { pageTexts } from './gate-texts.ts';
import { findPersonalData } from '../rules/privacy.ts';

const svgOf = (url: string) => decodeURIComponent(url.slice('data:image/svg+xml,'.length));

describe('surnameTile', () => {
  it('is a 300 × 400 SVG image of the first character, which stays text', () => {
    const svg = svgOf(surnameTile('堃喆'));
    expect(svg).toMatch(/^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' width='300' height='400'>/);
    expect(svg).toContain('>堃</text>');
    expect(svg).not.toContain('喆');
    expect(svgOf(surnameTile('<b'))).toContain('>&lt;</text>');
    expect(svgOf(surnameTile("'"))).toContain('>&apos;</text>');
  });

  it('passes the output gate: its numbers never read as a phone number (percent-escaped, they did)', () => {
    const chars = Array.from('堃喆珺玥彧垚镕张王李欧阳一乙丁〇');
    const html = chars.map((c) => `<img src="${surnameTile(c).replace(/&/g, '&amp;')}">`).join('');
    expect(pageTexts(html).flatMap((text) => findPersonalData(text))).toEqual([]);
    // The gate does read these attributes: a phone number in one is caught.
    expect(
      pageTexts(`<img src="data:image/svg+xml,<svg>13812345678</svg>">`).flatMap((t) => findPersonalData(t)),
    ).not.toEqual([]);
  });
});
