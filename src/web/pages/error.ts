import type { HttpError } from '../../server/errors.ts';
import { html, raw, type Html } from '../html.ts';
import { layout } from '../layout.ts';

export function errorPage(e: HttpError): Html {
  const title = e.status === 404 ? 'Not found' : e.status >= 500 ? 'Server error' : 'Bad request';
  return raw(
    layout({
      title,
      path: '',
      body: html`<section class="empty"><h1>${title}</h1><p>${e.message}</p><p><a href="/">Back to the overview</a></p></section>`,
    }),
  );
}
