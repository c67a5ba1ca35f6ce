import { fireEvent, screen } from '@testing-library/react';

import { labelNavigationBar } from '../src/components/navigation-bar';

/** The bar as Taro's H5 router draws it: bare icons for home and back, then the title. */
function drawTaroBar(): HTMLElement {
  const bar = document.createElement('div');
  bar.id = 'taro-navigation-bar';
  bar.innerHTML =
    '<div class="taro-navigation-bar-home"><svg></svg></div><div class="taro-navigation-bar-back"><svg></svg></div><div class="taro-navigation-bar-title-wrap"><div class="taro-navigation-bar-title">服务类别</div></div>';
  document.body.appendChild(bar);
  return bar;
}

afterEach(() => document.getElementById('taro-navigation-bar')?.remove());

describe('labelNavigationBar (H5)', () => {
  it('turns the bare icons into named buttons with a word beside the arrow, once', () => {
    const bar = drawTaroBar();
    labelNavigationBar();
    labelNavigationBar();

    const back = screen.getByRole('button', { name: '返回上一页' });
    const home = screen.getByRole('button', { name: '回到首页' });
    expect(back.textContent).toBe('返回');
    expect(home.textContent).toBe('首页');
    expect(bar.querySelectorAll('.navigation-bar__word')).toHaveLength(2);
  });

  it('lets Enter and Space press a button, as a keyboard user expects', () => {
    drawTaroBar();
    labelNavigationBar();
    const back = screen.getByRole('button', { name: '返回上一页' });
    const clicks: string[] = [];
    back.addEventListener('click', () => clicks.push('back'));

    fireEvent.keyDown(back, { key: 'Enter' });
    fireEvent.keyDown(back, { key: ' ' });
    fireEvent.keyDown(back, { key: 'a' });
    expect(clicks).toEqual(['back', 'back']);
  });

  it('does nothing when Taro drew no bar', () => {
    expect(() => labelNavigationBar()).not.toThrow();
  });
});
