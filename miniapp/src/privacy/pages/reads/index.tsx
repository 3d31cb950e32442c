import { Text, View } from '@tarojs/components';
import { cityDateTime } from '@citycare/contract/src/common';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { useApi } from '@/hooks/useApi';
import './index.css';

const strings = {
  intro:
    '卫健等部门的工作人员每次查看、查询您或您代办家人的信息，都会记录在这里：哪个部门、什么时候、做了什么、为什么。',
  empty: '还没有工作人员查看过您和家人的信息',
  loadError: '无法加载查看记录',
  about: '查看对象',
  reason: '原因',
};

/** 我的 → 谁查看了我的信息: officials' reads of my and my family's data, newest first. */
export default function ReadsPage() {
  const reads = useApi('privacyMyReads');
  return (
    <Page className="reads">
      <Text className="muted">{strings.intro}</Text>
      <List
        state={reads}
        items={reads.data?.reads}
        title={strings.loadError}
        empty={<EmptyState glyph="查" title={strings.empty} />}
      >
        {(r) => (
          <View className="card reads__entry" key={`${r.at}-${r.action}-${r.residentId}`}>
            <Text className="reads__office">{r.office}</Text>
            <Text className="reads__action">{r.actionLabel}</Text>
            <Text className="muted">
              {cityDateTime(r.at)} · {r.officialMasked}
            </Text>
            <Text className="reads__line">
              {strings.about}：{r.residentName}
            </Text>
            {r.reason && (
              <Text className="reads__line">
                {strings.reason}：{r.reason}
              </Text>
            )}
          </View>
        )}
      </List>
    </Page>
  );
}
