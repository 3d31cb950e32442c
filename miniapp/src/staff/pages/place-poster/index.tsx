import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Page from '@/components/Page';
import { EmptyState, NotLoaded, NotLoadedPage } from '@/components/StateView';
import { Chips, Field, Notice } from '@/components/form';
import { useApi } from '@/hooks/useApi';
import PlacePoster from '@/lib/place-poster/PlacePoster';

const strings = {
  intro: '场所码带有签名，居民扫码时核验真伪。旧版未签名的场所码已停用，请打印新码替换。',
  pick: '选择场所',
  loadError: '无法加载可打印的场所',
  codeError: '无法生成场所码',
  empty: '您没有可以打印场所码的场所',
  emptyDesc: '卡点和场所工作人员可打印本场所的场所码，卫健部门可打印全部场所。',
};

/** The poster of the chosen place (its signed code is fetched when picked). */
function Poster({ placeId }: { placeId: string }) {
  const code = useApi('healthPlaceCode', { params: { placeId } });
  if (!code.data) return <NotLoaded state={code} title={strings.codeError} />;
  return <PlacePoster code={code.data} />;
}

/** Staff print a place poster: pick a place they are entitled to (GET /health/place-codes). */
export default function PlacePosterPage() {
  const { params } = useRouter();
  const list = useApi('healthPlaceCodes');
  const [picked, setPicked] = useState<string | undefined>(params.placeId);
  if (!list.data) return <NotLoadedPage state={list} title={strings.loadError} />;
  const places = list.data.places;
  const placeId = picked ?? (places.length === 1 ? places[0]?.id : undefined);
  return (
    <Page className="place-poster">
      <Notice>{strings.intro}</Notice>
      {places.length === 0 ? (
        <EmptyState glyph="码" title={strings.empty} description={strings.emptyDesc} />
      ) : (
        <View className="card">
          <Field label={strings.pick}>
            <Chips options={places.map((p) => ({ value: p.id, label: p.name }))} value={placeId} onChange={setPicked} />
          </Field>
        </View>
      )}
      {placeId && places.some((p) => p.id === placeId) && <Poster placeId={placeId} />}
      {placeId && !places.some((p) => p.id === placeId) && <Text className="muted">{strings.empty}</Text>}
    </Page>
  );
}
