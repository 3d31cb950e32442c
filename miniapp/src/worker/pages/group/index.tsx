import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { FieldError, Notice, SubmitButton, useSubmit, type NoticeTone } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { routeParam, shareState, timeText, yuan } from '@/lib/grocery/format';
import GroupHeading from '@/lib/grocery/GroupHeading';
import ItemTotals from '@/lib/grocery/ItemTotals';
import { DIALOG_COLOURS } from '@/lib/a11y';
import './index.css';

const strings = {
  loadError: '无法加载团购',
  cutoff: (t: string) => `${t} 截止报名`,
  summary: (n: number, y: string) => `${n} 户参加 · 共 ¥${y}`,
  totalsTitle: '汇总（向商店下单的数量）',
  membersTitle: '各户明细（按户分发）',
  noMembers: '还没有居民参加',
  close: '截止并统一下单',
  closeConfirm: '截止后居民不能再参加，所有商品合成一单发给商店。确定吗？',
  closeEmpty: '还没有居民参加，截止后团购会取消。确定吗？',
  closed: '已统一下单',
  cancelled: '团购已取消（没有居民参加）',
  orderDone: '已合成一个订单发给商店',
  closing: '已过截止时间，系统几分钟内会自动合成一单发给商店；也可以现在手动截止。',
};

/** What the worker must know of a group past its open phase. */
const NOTICES: Partial<Record<string, { tone: NoticeTone; text: string }>> = {
  closed: { tone: 'success', text: strings.orderDone },
  cancelled: { tone: 'warn', text: strings.cancelled },
  closing: { tone: 'warn', text: strings.closing },
};

export default function WorkerGroupPage() {
  const groupId = routeParam(useRouter().params, 'groupId');
  const state = useApi('groceryGroup', { params: { groupId } });
  const submit = useSubmit();
  const group = state.data?.group;
  if (!group) return <NotLoadedPage state={state} title={strings.loadError} />;
  const notice = NOTICES[group.status];

  const close = async () => {
    if (submit.busy) return;
    const content = group.memberCount ? strings.closeConfirm : strings.closeEmpty;
    const { confirm } = await Taro.showModal({ ...DIALOG_COLOURS, title: strings.close, content });
    if (!confirm) return;
    await submit.run(async () => {
      await api('groceryCloseGroup', { params: { groupId }, quiet: true });
      void Taro.showToast({ title: strings.closed, icon: 'success' });
      state.reload();
    });
  };

  return (
    <Page className="wgroup">
      <GroupHeading
        group={group}
        lines={[strings.cutoff(timeText(group.cutoffAt)), strings.summary(group.memberCount, yuan(group.totalFen))]}
      />
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <ItemTotals title={strings.totalsTitle} totals={group.totals} />
      <Text className="section-title">{strings.membersTitle}</Text>
      <List items={group.shares} empty={<EmptyState glyph="户" title={strings.noMembers} />} card>
        {(s) => (
          <View className="row" key={s.memberId}>
            <View className="row__main">
              <Text className="title">
                {s.household} · {s.contactName}
              </Text>
              <Text className="muted">{s.lines.map((l) => `${l.name} ×${l.qty}${l.unit}`).join('，')}</Text>
            </View>
            <View className="wgroup__money">
              <Text className="price">¥{yuan(s.totalFen)}</Text>
              <Text className={`tag tag--${shareState(s).tone}`}>{shareState(s).text}</Text>
            </View>
          </View>
        )}
      </List>
      {(group.status === 'open' || group.status === 'closing') && (
        <SubmitButton className="wgroup__close" busy={submit.busy} onClick={close}>
          {strings.close}
        </SubmitButton>
      )}
      <FieldError className="wgroup__problem">{submit.problem}</FieldError>
    </Page>
  );
}
