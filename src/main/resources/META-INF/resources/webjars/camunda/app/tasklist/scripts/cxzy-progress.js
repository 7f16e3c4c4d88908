// The campaign's progress page (活动进度) in Tasklist's header, for everyone logged in (the page itself
// tells those who are no leader that it is not for them), and the way back to it: the page sends a
// person without a login here as .../tasklist/default/?next=/progress...#/login, and once Tasklist has
// logged them in, this script takes them back to that page.

const appRoot = document.querySelector('base').getAttribute('app-root');
// The application's own pages live beside /camunda, under the same context path.
const contextPath = appRoot.replace(/\/camunda$/, '');

// Only the progress page and its export: never an address of another site.
const NEXT = /^\/progress(\.xlsx)?(\?[\w%=&.\-]*)?$/;
const NEXT_KEY = 'cxzy.next';
const NEXT_TTL_MS = 10 * 60 * 1000;

function rememberNext() {
  const next = new URLSearchParams(window.location.search).get('next');
  if (next && NEXT.test(next)) {
    window.sessionStorage.setItem(NEXT_KEY, JSON.stringify({ next, at: Date.now() }));
  }
}

function returnAfterLogin() {
  const stored = window.sessionStorage.getItem(NEXT_KEY);
  if (!stored || window.location.hash.indexOf('#/login') === 0) {
    return;
  }
  let remembered;
  try {
    remembered = JSON.parse(stored);
  } catch (e) {
    window.sessionStorage.removeItem(NEXT_KEY);
    return;
  }
  if (!remembered || !NEXT.test(remembered.next) || Date.now() - remembered.at > NEXT_TTL_MS) {
    window.sessionStorage.removeItem(NEXT_KEY);
    return;
  }
  window.fetch(appRoot + '/api/admin/auth/user/default', { credentials: 'same-origin' }).then((response) => {
    if (response.ok) {
      window.sessionStorage.removeItem(NEXT_KEY);
      window.location.replace(contextPath + remembered.next);
    }
  });
}

rememberNext();
window.addEventListener('hashchange', returnAfterLogin);
returnAfterLogin();

export default {
  id: 'cxzy-progress-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    const link = document.createElement('a');
    link.href = contextPath + '/progress';
    link.className = 'cxzy-progress-link';
    link.textContent = '活动进度';
    link.title = '创先争优活动进度（市委办和上级党组织）';
    node.appendChild(link);
  }
};
