import type { SiteData } from '../model/schema.ts';
import type { PublicContacts } from './privacy.ts';

/** The site's declared public contacts, as the privacy scan accepts them. */
export function contactsOf(contact: SiteData['contact'] | undefined): PublicContacts {
  return {
    emails: contact?.email ? [contact.email] : [],
    phones: contact?.phone ? [contact.phone] : [],
    addresses: contact?.address ? [contact.address] : [],
  };
}
