// SessionLab on documentation sites (the Sphinx extension and the MkDocs plugin add this module
// to the pages that have an example): loads the <session-lab> element and keeps each element's
// theme in step with the site's light/dark mode. Followed: Material for MkDocs's palette
// (body[data-md-color-scheme], "slate" is its dark scheme), Furo (body[data-theme]: auto,
// light, dark) and pydata-sphinx-theme (html[data-theme]: light, dark). An element whose theme
// the author fixed (data-fixed-theme) keeps it; on other sites the element keeps the theme the
// build wrote (light, or auto: the reader's system setting).
import './web/element.js';

const THEMES = ['light', 'dark', 'auto'];

/** The site's current mode as an element theme, or null when the site has no toggle we know. */
export function siteTheme(doc = document) {
  const scheme = doc.body?.getAttribute('data-md-color-scheme');
  if (scheme) return scheme === 'slate' ? 'dark' : 'light';
  const furo = doc.body?.dataset.theme;
  if (THEMES.includes(furo)) return furo;
  const pydata = doc.documentElement.dataset.theme;
  if (THEMES.includes(pydata)) return pydata;
  return null;
}

function follow() {
  const theme = siteTheme();
  if (!theme) return;
  for (const lab of document.querySelectorAll('session-lab:not([data-fixed-theme])')) {
    if (lab.getAttribute('theme') !== theme) lab.setAttribute('theme', theme);
  }
}

follow();
const observer = new MutationObserver(follow);
const watched = { attributes: true, attributeFilter: ['data-theme', 'data-md-color-scheme'] };
observer.observe(document.documentElement, watched);
if (document.body) observer.observe(document.body, watched);
