import examples from '../api/examples.graphql?raw';
import { currentLanguage, onLanguageChange, setLanguage, startI18n, t, type Language } from './i18n/i18n.ts';
import { splitExamples } from './ide/example-operations.ts';
import { element } from './panels/dom.ts';

/**
 * The index page at `/`: what hoptac is, links to the network page, the GraphQL IDE, the schema
 * (SDL download) and the exports, and the API's examples (those the README shows), each with a
 * link to the IDE, where every example has a tab of its own.
 */
await startI18n();

function render(): void {
  const list = document.getElementById('examples');
  if (!list) return;
  list.replaceChildren(
    ...splitExamples(examples).map((example) =>
      element(
        'section',
        { className: 'example', attributes: { id: `example-${example.name}` } },
        element('h3', { text: example.name }),
        element('p', { text: example.comment }),
        element('pre', {}, element('code', { text: example.query.replace(/^(#.*\n)+/, '') })),
        element('a', { text: t('home.openInIde'), attributes: { href: '/graphql' } }),
      ),
    ),
  );
  for (const choice of document.querySelectorAll<HTMLButtonElement>('[data-language]')) choice.setAttribute('aria-pressed', String(choice.dataset.language === currentLanguage()));
}

for (const choice of document.querySelectorAll<HTMLButtonElement>('[data-language]')) {
  choice.addEventListener('click', () => void setLanguage(choice.dataset.language as Language));
}
onLanguageChange(render);
render();
