import { act, fireEvent, render, screen } from '@testing-library/react';

import { ContactCommunity } from '../src/components/contact-community';
import { MealOrderCard } from '../src/meals/components/meal-order-card';
import { ReadBack } from '../src/components/read-back';
import { centreToCall } from '../src/hooks/useCommunityPhone';
import { centresFixture } from './support/fixtures';
import { TOMORROW } from './support/meal-fixtures';
import { answer } from './support/fixture-server';
import { servePerTest } from './support/serve';
import { phoneStub } from './support/taro-h5';

const serve = servePerTest();
const SENTENCE = '将为 李建国 预约 6月3日（周三）上午9:00 在 阳光社区市民中心 的 人民调解';

/** A stand-in for the browser's speech synthesis (jsdom has none): what was spoken, and a way to end it. */
function installSpeech() {
  const spoken: Array<{ text: string; lang: string; onend: (() => void) | null }> = [];
  const synthesis = { speak: jest.fn((utterance) => spoken.push(utterance)), cancel: jest.fn() };
  class Utterance {
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(public text: string) {}
  }
  Object.assign(window, { speechSynthesis: synthesis, SpeechSynthesisUtterance: Utterance });
  Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
  return { spoken, synthesis };
}

function removeSpeech() {
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  delete (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
}

function readBack(onConfirm = jest.fn(), onBack = jest.fn()) {
  render(
    <ReadBack
      className='test-step'
      title='核对预约'
      sentence={SENTENCE}
      confirmClassName='test-confirm'
      confirmText='确认预约'
      pending={false}
      onConfirm={onConfirm}
      onBack={onBack}
    />,
  );
  return { onConfirm, onBack };
}

describe('ReadBack, 朗读 and 联系社区 (issue 16)', () => {
  afterEach(removeSpeech);

  it('shows the sentence with one 确认 and 返回修改; nothing is sent before 确认', () => {
    const { onConfirm, onBack } = readBack();
    expect(screen.getByText(SENTENCE)).toBeTruthy();
    fireEvent.click(screen.getByText('返回修改'));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('确认预约'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    // No speech synthesis here: no 朗读 button at all.
    expect(screen.queryByText('朗读')).toBeNull();
  });

  it('朗读 speaks the same sentence in Mandarin where the browser can speak, and stops on a second tap', () => {
    const { spoken, synthesis } = installSpeech();
    readBack();
    fireEvent.click(screen.getByText('朗读'));
    expect(spoken.map((utterance) => [utterance.text, utterance.lang])).toEqual([[SENTENCE, 'zh-CN']]);
    fireEvent.click(screen.getByText('停止朗读'));
    expect(synthesis.cancel).toHaveBeenCalled();
    expect(screen.getByText('朗读')).toBeTruthy();
    // Read to the end: the button says 朗读 again.
    fireEvent.click(screen.getByText('朗读'));
    expect(screen.getByText('停止朗读')).toBeTruthy();
  });

  it('朗读 on a meal order reads it back as made, with its status', () => {
    const { spoken } = installSpeech();
    render(
      <MealOrderCard
        order={{
          id: 'order-1',
          status: 'paid',
          mealPoint: { id: 'point-anda', name: '安大社区助餐点', address: '肥西路 3 号' },
          resident: { id: 'member-li', name: '李建国' },
          mealDate: TOMORROW,
          mealKind: 'lunch',
          fulfilment: 'dine_in',
          paymentMethod: 'balance',
          lines: [{ dishId: 'd-chicken', name: '红烧鸡腿套餐', unitPriceFen: 1500, quantity: 1, tags: [] }],
          price: {
            gross: 1500,
            subsidy: 1000,
            payable: 500,
            deliveryFeeGross: 0,
            deliverySubsidy: 0,
            deliveryFee: 0,
            total: 500,
            appliedRuleIds: [],
            applied: [],
            explanation: [],
          },
          cutOffAt: `${TOMORROW}T01:30:00.000Z`,
          cancelReason: null,
          collectedAt: null,
          createdAt: new Date().toISOString(),
          actions: [],
        }}
      />,
    );
    fireEvent.click(screen.getByText('朗读'));
    expect(spoken.map((utterance) => utterance.text)).toEqual([
      expect.stringMatching(/^已为 李建国 订 明天\d+月\d+日（周.）的午餐：红烧鸡腿套餐 1 份，在 安大社区助餐点 堂食，实付 5.00 元，助餐余额，已支付$/),
    ]);
  });

  it('联系社区 dials the centre of the community, and is not there without a known number', async () => {
    expect(centreToCall(centresFixture, { communityId: 'c-yangguang' })?.phone).toBe('027-8888-0001');
    expect(centreToCall(centresFixture, { centreId: 'centre-yangguang', communityId: 'c-heping' })?.name).toBe('阳光社区市民中心');
    expect(centreToCall(centresFixture, { communityId: 'c-heping' })).toBeNull();
    expect(centreToCall([{ ...centresFixture[0], phone: ' ' }], { communityId: 'c-yangguang' })).toBeNull();
    expect(centreToCall(centresFixture, {})).toBeNull();

    await serve({ '/centres': answer({ items: centresFixture }) });
    const { container, unmount } = render(<ContactCommunity communityId='c-yangguang' />);
    fireEvent.click(await screen.findByText('联系社区'));
    expect(phoneStub.dialled).toEqual(['027-8888-0001']);
    unmount();
    expect(container.querySelector('.contact-community')).toBeNull();

    const other = render(<ContactCommunity communityId='c-heping' />);
    // The list arrives, and there is no centre of 和平社区 in it: no button.
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(other.container.querySelector('.contact-community')).toBeNull();
  });
});
