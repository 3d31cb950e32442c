import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

const strings = {
  label: '居民编号',
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败，请长按编号手动复制',
  trace: '查行程 ›',
  audit: '查看记录 ›',
};

/**
 * The resident's id as officials need it elsewhere: selectable, copied with one tap, and carried
 * to the tracing page and to the audit log filtered by this resident.
 */
export default function ResidentId({ residentId }: { residentId: string }) {
  const [copied, setCopied] = useState('');
  const copy = () =>
    Taro.setClipboardData({ data: residentId }).then(
      () => setCopied(strings.copied),
      () => setCopied(strings.copyFailed),
    );
  const open = (page: string) => void Taro.navigateTo({ url: `/staff/pages/${page}/index?residentId=${residentId}` });
  return (
    <View className="review__id">
      <Text className="field__label">{strings.label}</Text>
      <View className="review__id-row">
        <Text className="review__id-value" userSelect>
          {residentId}
        </Text>
        <Text className="action review__copy" onClick={() => void copy()}>
          {strings.copy}
        </Text>
      </View>
      {copied && <Text className="muted">{copied}</Text>}
      <View className="review__id-links">
        <Text className="link review__to-trace" onClick={() => open('trace')}>
          {strings.trace}
        </Text>
        <Text className="link review__to-audit" onClick={() => open('audit')}>
          {strings.audit}
        </Text>
      </View>
    </View>
  );
}
