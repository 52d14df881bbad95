/**
 * Wakes the paste boxes of a page. Enter submits at once; the lookup's code (matcher, shards, search) is
 * fetched when a box is first focused, not with the page, so a page that has a box but is only read loads
 * none of it (the home page's first load, `npm run bench:weight`).
 */
export function wakePasteBoxes(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-paste-box]')) {
    const input = form.querySelector('textarea');
    if (!input) continue;
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    // Text typed or pasted before the lookup's code arrived is answered once it has; text a page put in the box
    // (the lookup page shows its query there, and answers it itself) is not.
    let typed = false;
    input.addEventListener('input', () => (typed = true), { once: true });
    const wake = () => void import('./lookup.ts').then(({ attachPasteBox }) => attachPasteBox(form, typed));
    // A box focused before this ran (the lookup page's autofocus) wakes now.
    if (form.contains(document.activeElement)) wake();
    else form.addEventListener('focusin', wake, { once: true });
  }
}
