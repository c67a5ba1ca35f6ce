/** What each of the bar's buttons says, on screen and to a screen reader. */
const BUTTONS = [
  { selector: '.taro-navigation-bar-back', text: '返回', label: '返回上一页' },
  { selector: '.taro-navigation-bar-home', text: '首页', label: '回到首页' },
] as const;

/**
 * H5 only. With the window's `navigationStyle: 'default'` Taro's router draws one navigation bar for the whole app
 * (`#taro-navigation-bar`): each page's navigationBarTitleText, a back button when there is a page to go back to,
 * and a home button instead when there is none (the page was opened by a link or reloaded). Its buttons are bare
 * 24 px icons; this gives them a word older people can read, and a role and name for screen readers and keyboards.
 * The sizes are in app.scss. WeChat draws its own bar, so the mini program never calls this.
 */
export function labelNavigationBar(): void {
  const bar = document.getElementById('taro-navigation-bar');
  if (!bar) return;
  for (const { selector, text, label } of BUTTONS) {
    const button = bar.querySelector<HTMLElement>(selector);
    if (!button || button.getAttribute('role') === 'button') continue;
    button.setAttribute('role', 'button');
    button.setAttribute('aria-label', label);
    button.tabIndex = 0;
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      button.click();
    });
    const word = document.createElement('span');
    word.className = 'navigation-bar__word';
    word.setAttribute('aria-hidden', 'true');
    word.textContent = text;
    button.appendChild(word);
  }
}
