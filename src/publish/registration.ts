/**
 * Where a site's filing numbers are checked: the footer links each number to
 * the registry that issued it, so a resident can verify the site is the
 * office's own.
 */

/** MIIT's ICP filing system (ICP备案). */
export const ICP_REGISTRY = 'https://beian.miit.gov.cn/';

/** The public-security filing site's record of a number (the digits of 晋公网安备14100202000001号). */
export function policeRecordUrl(number: string): string {
  const code = number.match(/\d{6,}/)?.[0] ?? '';
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}
