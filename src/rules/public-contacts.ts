import type { SiteData } from '../model/schema.ts';
import type { PublicContacts } from './privacy.ts';

/**
 * The site's declared public contacts, as the privacy scan accepts them: the office's `contact` and
 * the channels that take nominations (`nominate`).
 */
export function contactsOf(site: Partial<Pick<SiteData, 'contact' | 'nominate'>> | undefined): PublicContacts {
  const all = [site?.contact, site?.nominate];
  const of = (key: 'email' | 'phone' | 'address') => all.flatMap((c) => (c?.[key] ? [c[key]] : []));
  return { emails: of('email'), phones: of('phone'), addresses: of('address') };
}
