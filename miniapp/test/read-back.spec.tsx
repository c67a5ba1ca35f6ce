import { act, fireEvent, render, screen } from '@testing-library/react';

import { ConfirmDialog } from '../src/components/confirm-dialog';
import { ContactCommunity } from '../src/components/contact-community';
import { MealOrderCard } from '../src/meals/components/meal-order-card';
import { ReadBack } from '../src/components/read-back';
import { centreToCall } from '../src/hooks/useCommunityPhone';
import { centresFixture } from './support/fixtures';
import { TOMORROW } from './support/meal-fixtures';
import { answer } from './support/fixture-server';
import { servePerTest } from './support/serve';
import { installSpeech, removeSpeech } from './support/speech';
import { phoneStub } from './support/taro-h5';

const serve = servePerTest();
const SENTENCE = '将为 李建国 预约 6月3日（周三）上午9:00 在 阳光社区市民中心 的 人民调解';

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

  it('a confirmation dialog reads its question and facts aloud where the browser can speak, and has no 朗读 elsewhere', () => {
    const dialog = (onConfirm = jest.fn()) =>
      render(
        <ConfirmDialog
          className='test-dialog'
          title='现在出发去这一单？'
          lines={['助浴（李建国）', '地址：中南路 12 号', '确认后，居民会看到“服务人员已出发”。']}
          confirmText='确认出发'
          cancelText='还没出发'
          onConfirm={onConfirm}
          onCancel={jest.fn()}
        />,
      );
    const silent = dialog();
    expect(silent.container.querySelector('.confirm-dialog__read-aloud')).toBeNull();
    silent.unmount();

    const { spoken } = installSpeech();
    const onConfirm = jest.fn();
    const { container } = dialog(onConfirm);
    fireEvent.click(screen.getByText('朗读'));
    // Each line closed as a sentence, so the voice pauses between the facts.
    expect(spoken.map((utterance) => [utterance.text, utterance.lang])).toEqual([
      ['现在出发去这一单？助浴（李建国）。地址：中南路 12 号。确认后，居民会看到“服务人员已出发”。', 'zh-CN'],
    ]);
    expect(container.querySelector('.confirm-dialog__read-aloud')?.textContent).toBe('停止朗读');
    // Reading aloud answers nothing: only 确认 does.
    expect(onConfirm).not.toHaveBeenCalled();
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
