import { describe, expect, it } from 'vitest';
import { policeRecordUrl } from './registration.ts';

describe('filing links', () => {
  it('links a public-security filing number to its record by its digits', () => {
    expect(policeRecordUrl('晋公网安备14100202000001号')).toBe(
      'https://beian.mps.gov.cn/#/query/webSearch?code=14100202000001',
    );
  });
});
