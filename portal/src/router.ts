import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (`#/lacak/7K3MQ-X9P2W`): the static host serves one page, and whatever follows `#`
 * never leaves the browser — not in a request, a server log or a Referer — which is where a
 * reporter's access token may travel in a personal link.
 */
export function currentRoute(): string[] {
  return location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
}

export function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const href = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;
export const navigate = (...parts: string[]) => {
  const target = href(...parts);
  // Going to the page already shown (e.g. after signing in on it) still redraws it.
  if (location.hash === target || (target === '#/' && location.hash === '')) dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
};
/** Replaces the current history entry (e.g. to drop a token from the address bar). */
export const replaceRoute = (...parts: string[]) => history.replaceState(null, '', href(...parts));
