import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import qrcode from 'qrcode-generator';
import { groupShortCode } from '@linli/shared';

import type { CheckInCode } from '@linli/shared';

import { RemoteContent } from '../remote-content';
import { useRemoteById } from '../../hooks/useRemoteData';
import { fetchCheckInCode } from '../../services/bookings';
import { formatDateTime } from '../../utils/datetime';

import type { RemoteData } from '../../hooks/useRemoteData';

import './index.scss';

/**
 * The code as a GIF data URL (qrcode-generator draws and encodes it in plain JS): one <Image> instead of a thousand
 * views, and it works the same in WeChat and in the browser. Error correction M survives a scratched screen.
 */
export function qrDataUrl(code: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(code);
  qr.make();
  return qr.createDataURL(8, 4);
}

/** The words around a code: what to do with it, what the QR is, the fallback for the digits, the refresh button. */
export interface SignedCodeTexts {
  hint: string;
  qrLabel: string;
  shortHint: string;
  refreshText: string;
}

export interface SignedCodePanelProps {
  state: RemoteData<Pick<CheckInCode, 'code' | 'shortCode' | 'expiresAt'>>;
  onRefresh: () => void;
  texts: SignedCodeTexts;
}

/**
 * A signed code to show at a counter: the QR for the staff member's scanner and, under it, six big digits in two
 * groups of three to read out when the QR cannot be scanned (the QR's own text is far too long to read or type).
 * Booking check-in codes and meal pickup codes both use it.
 */
export function SignedCodePanel({ state, onRefresh, texts }: SignedCodePanelProps) {
  return (
    <View className='check-in-code'>
      <RemoteContent state={state} onRetry={onRefresh} emptyText=''>
        {(found) => (
          <>
            <Text className='check-in-code__hint'>{texts.hint}</Text>
            <Image className='check-in-code__qr' src={qrDataUrl(found.code)} mode='aspectFit' ariaLabel={texts.qrLabel} nativeProps={{ alt: texts.qrLabel }} />
            {found.shortCode && (
              <>
                <Text className='check-in-code__short'>{groupShortCode(found.shortCode)}</Text>
                <Text className='check-in-code__hint'>{texts.shortHint}</Text>
              </>
            )}
            <Text className='check-in-code__hint'>有效期到 {formatDateTime(found.expiresAt) ?? found.expiresAt}</Text>
            <Button className='check-in-code__refresh' size='large' block onClick={onRefresh}>
              {texts.refreshText}
            </Button>
          </>
        )}
      </RemoteContent>
    </View>
  );
}

/** A booking's check-in codes. */
export function CheckInCodePanel({ bookingId, hint = '到市民中心后，请把这个码给工作人员扫一下' }: { bookingId: string; hint?: string }) {
  const code = useRemoteById(fetchCheckInCode, bookingId);
  return (
    <SignedCodePanel
      state={code.state}
      onRefresh={code.retry}
      texts={{ hint, qrLabel: '签到二维码', shortHint: '扫不了时，请把这 6 位数字念给工作人员', refreshText: '刷新签到码' }}
    />
  );
}
