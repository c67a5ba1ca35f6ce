import { Text } from '@tarojs/components';

import { SignedCodePanel } from '../../../components/check-in-code';
import { PageRoot } from '../../../components/page-root';
import { RemoteRecord } from '../../../components/remote-content';
import { usePageId } from '../../../hooks/usePageId';
import { useRemoteById } from '../../../hooks/useRemoteData';
import { fetchMealOrder } from '../../../services/meals';
import { showsPickupCode } from '../../../texts/meal-messages';
import { MealOrderCard } from '../../components/meal-order-card';
import { usePickupCode } from '../../hooks/usePickupCode';

import '../../components/meals.scss';

const PICKUP_TEXTS = {
  hint: '取餐时请把这个码给助餐点工作人员扫一下',
  qrLabel: '取餐二维码',
  shortHint: '扫不了时，请把这 6 位数字念给工作人员',
  refreshText: '刷新取餐码',
};

function PickupCode({ orderId }: { orderId: string }) {
  const code = usePickupCode(orderId);
  return <SignedCodePanel state={code.state} onRefresh={code.retry} texts={PICKUP_TEXTS} />;
}

/** `/meals/pages/pickup/index?id=<orderId>`: the order and its pickup code (QR and six digits), renewed before it expires. */
export function MealPickupPage() {
  const orderId = usePageId();
  const order = useRemoteById(fetchMealOrder, orderId);
  return (
    <PageRoot className='meals meal-pickup'>
      <RemoteRecord state={order.state} onRetry={order.retry} notFoundText='没有找到这个订单。'>
        {(found) => (
          <>
            {/* The code first: it is what the counter needs, the order under it is for checking. */}
            {showsPickupCode(found.status, found.fulfilment) ? <PickupCode orderId={found.id} /> : <Text className='meals__note'>这个订单不用取餐码。</Text>}
            <MealOrderCard order={found} />
          </>
        )}
      </RemoteRecord>
    </PageRoot>
  );
}

export default MealPickupPage;
