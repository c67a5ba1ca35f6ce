import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { SubmitButton } from '../../components/submit-button';
import { useDataRights } from '../../hooks/useDataRights';

export function DataRightsSection({ onSignOut }: { onSignOut: () => void }) {
  const rights = useDataRights();
  const { exported, deletion } = rights;

  return (
    <View className='me__section data-rights'>
      <Text className='me__title'>我的数据</Text>

      {exported.status === 'ready' ? (
        <View className='me-card'>
          <Text className='me-card__text'>以下是我们保存的关于您的全部信息（身份证号、手机号只显示部分）：</Text>
          <Text className='data-rights__json' userSelect>
            {exported.json}
          </Text>
          <Button className='data-rights__hide' size='large' block onClick={rights.hideExport}>
            收起
          </Button>
        </View>
      ) : (
        <Button className='data-rights__export' size='large' block loading={exported.status === 'pending'} onClick={rights.runExport}>
          导出我的全部信息
        </Button>
      )}
      {exported.status === 'failed' && <Text className='me-card__error'>{exported.message}</Text>}

      <Button className='data-rights__logout' size='large' block onClick={onSignOut}>
        退出登录
      </Button>

      {deletion.status === 'idle' ? (
        <Button className='data-rights__delete' size='large' block onClick={rights.askDelete}>
          注销账号
        </Button>
      ) : (
        <View className='me-card data-rights__confirm'>
          <Text className='data-rights__warning'>注销后，您的姓名、手机号、身份证号、住址和家人信息都会被删除，无法恢复。</Text>
          <Text className='me-card__text'>已经完成的服务记录会匿名保留。</Text>
          {deletion.status === 'failed' && <Text className='me-card__error'>{deletion.message}</Text>}
          <SubmitButton className='data-rights__delete-confirm' type='danger' pending={deletion.status === 'pending'} onClick={rights.confirmDelete}>
            确定注销，删除我的信息
          </SubmitButton>
          <Button className='data-rights__delete-cancel' size='large' block onClick={rights.cancelDelete}>
            不注销
          </Button>
        </View>
      )}
    </View>
  );
}
