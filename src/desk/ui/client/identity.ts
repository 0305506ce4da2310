/**
 * The editor's name and e-mail, asked once: every save is a git commit in the content root's
 * repository, and the desk keeps who made it in that repository's local git config (`/identity`).
 */
import { t } from '../../../strings.ts';
import { isRecord, post } from './api.ts';

/** Asks for the name and e-mail when the repository has none; resolves once they are kept (or not needed). */
export async function askIdentityOnce(doc: Document = document): Promise<void> {
  const { json } = await post('identity', {});
  if (!isRecord(json) || typeof json.name === 'string' || json.repository === false) return;
  const s = t.desk.identity;
  const dialog = doc.createElement('dialog');
  dialog.id = 'desk-identity';
  const form = doc.createElement('form');
  form.method = 'dialog';
  const heading = doc.createElement('h2');
  heading.textContent = s.title;
  const lead = doc.createElement('p');
  lead.textContent = s.lead;
  const field = (label: string, type: string, name: string) => {
    const l = doc.createElement('label');
    const input = doc.createElement('input');
    input.type = type;
    input.name = name;
    input.required = true;
    l.append(label, input);
    return { l, input };
  };
  const name = field(s.name, 'text', 'name');
  const email = field(s.email, 'email', 'email');
  const error = doc.createElement('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  const save = doc.createElement('button');
  save.type = 'submit';
  save.textContent = s.save;
  form.append(heading, lead, name.l, email.l, error, save);
  dialog.append(form);
  doc.body.append(dialog);
  // The editor cannot save without a name; Escape would leave the desk half set up.
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  dialog.showModal();
  await new Promise<void>((done) => {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void post('identity', { name: name.input.value, email: email.input.value }).then(({ status, json: answer }) => {
        if (status === 200) {
          dialog.close();
          dialog.remove();
          done();
        } else {
          error.textContent = isRecord(answer) && typeof answer.error === 'string' ? answer.error : s.title;
        }
      });
    });
  });
}
