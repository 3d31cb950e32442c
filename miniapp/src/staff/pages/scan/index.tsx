import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { scanDecision } from '@citycare/contract/src/health-pass';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { Chips, Field } from '@/components/form';
import { api } from '@/api';
import { aria, buzz } from '@/lib/a11y';
import { useMe } from '@/hooks/useMe';
import { useKeyed } from '@/hooks/useApi';
import { cachedKeys, refreshKeys } from '@/lib/health/keys';
import { cachedScanRules, refreshScanRules } from '@/lib/health/scan-rules';
import { checkCode } from '@/lib/health/scanner-check';
import { cachedList, refreshList } from '@/lib/health/status-list';
import { enqueue, flushQueue, newScanId, queuedScans } from '@/lib/health/queue';
import { shanghaiDateTime } from '@/lib/health/time';
import { scopeName } from '@/lib/roles';
import './index.css';

const strings = {
  loadError: '无法加载工作台',
  noPlace: '您还没有卡点（场所）权限',
  noPlaceDesc: '请联系管理员开通“卡点/场所工作人员”角色。',
  scan: '扫描健康码',
  paste: '粘贴健康码内容（无摄像头时）',
  pastePlaceholder: '把二维码内容粘贴在这里',
  temperature: '测得体温（°C，可不填）',
  verify: '核验',
  pass: '通行',
  stop: '禁止通行',
  keys: (at?: number) => (at ? `验证密钥已缓存（${shanghaiDateTime(at).slice(5, 16)}）` : '尚未缓存验证密钥，请联网'),
  queue: (n: number) => (n ? `待上传 ${n} 条` : '记录已全部上传'),
  upload: '立即上传',
  outsiders: '外来人员登记 ›',
  placeCode: '打印本场所码海报（带签名，居民扫码登记）›',
  took: (ms: number) => `核验用时 ${ms} 毫秒（离线）`,
  idCard: (id: string) => `身份证 ${id}`,
  proxy: (name: string) => `家人代办码（代办人 ${name}）`,
  checkId: '请核对身份证',
  list: (at?: number) => (at ? `状态名单更新于 ${shanghaiDateTime(at).slice(5, 16)}` : '尚未获取状态名单，请联网'),
  dataAge: (at: number) => `核验数据更新于 ${shanghaiDateTime(at).slice(5, 16)}（离线）`,
  unverified: '未能核验',
  goOnline: (days: number) => `核验数据已超过 ${days} 天未更新（或从未获取），无法判断此码，请联网后重新扫码`,
  paper: '纸质码 · 请核对身份证',
  passIcon: '✓',
  stopIcon: '✕',
  unverifiedIcon: '？',
};

interface Verdict {
  result: 'pass' | 'stop' | 'unverified';
  /** Keys and list older than the refresh interval: when they were fetched. */
  dataAt?: number;
  paper?: boolean;
  text: string;
  colour?: 'green' | 'yellow' | 'red';
  name?: string;
  idMasked?: string;
  proxyName?: string;
  ms: number;
}

const loadPlaces = () => api('directory', { params: { kind: 'place' }, quiet: true }).then((r) => r.entries);

/** The checkpoint scanner: verifies codes offline with cached keys, records and uploads each scan once. */
export default function ScanPage() {
  const me = useMe();
  const places = useKeyed(['directory', { kind: 'place' }, 'entries'], loadPlaces);
  const myPlaces = (me.data?.roles ?? [])
    .filter((g) => g.role === 'checkpoint' && g.scope)
    .map((g) => g.scope as string);
  const [placeId, setPlaceId] = useState('');
  const place = placeId || myPlaces[0] || '';
  const [token, setToken] = useState('');
  const [temperature, setTemperature] = useState('');
  const [verdict, setVerdict] = useState<Verdict>();
  const [keysAt, setKeysAt] = useState(cachedKeys().fetchedAt);
  const [queued, setQueued] = useState(queuedScans().length);
  const [rules, setRules] = useState(cachedScanRules);
  const [listAt, setListAt] = useState(cachedList().fetchedAt);
  const weapp = process.env.TARO_ENV === 'weapp';

  const refreshStatus = useCallback(async (force = false) => {
    const r = cachedScanRules();
    const list = await refreshList(cachedKeys().ring, r.statusListRefreshSeconds, r.paperCodeDays, force);
    setListAt(list.fetchedAt);
  }, []);
  const sync = useCallback(async () => {
    setKeysAt((await refreshKeys()).fetchedAt);
    await refreshStatus();
    setQueued((await flushQueue()).left);
  }, [refreshStatus]);
  useDidShow(() => void sync());
  useEffect(() => {
    void refreshScanRules().then(setRules);
  }, []);

  const check = async (text: string) => {
    const started = Date.now();
    // Refused before its window starts (a later code of the offline bundle) and after it ends,
    // and when the cached status list says the resident's status changed after it was issued.
    const judge = () => {
      const keys = cachedKeys();
      const list = cachedList();
      const data = { ring: keys.ring, keysAt: keys.fetchedAt, changes: list.changes, listAt: list.fetchedAt };
      return checkCode(text, data, Date.now(), rules);
    };
    let checked = judge();
    if (!checked.verified.ok && checked.verified.problem === 'unknown-key') {
      const fresh = await refreshKeys(true); // a new key after rotation: fetch once, if online
      setKeysAt(fresh.fetchedAt);
      checked = judge();
    }
    if (checked.freshness === 'expired') {
      // No list yet (the page just opened) or one past the offline window: try once, if online,
      // before calling it 未能核验.
      await refreshStatus(true);
      checked = judge();
    } else {
      void refreshStatus(); // past the refresh interval, the next scan has a newer list (no wait now)
    }
    const { verified } = checked;
    const t = temperature ? Number(temperature) : undefined;
    const kind = places.data?.find((p) => p.id === place)?.kind;
    const decision = scanDecision(
      verified.ok
        ? { ok: true, colour: verified.claims.st, superseded: checked.superseded }
        : { ok: false, problem: verified.problem },
      t !== undefined && !Number.isNaN(t) ? t : undefined,
      rules.feverCelsius,
      typeof kind === 'string' ? kind : 'checkpoint',
    );
    const unverified = checked.freshness === 'expired';
    setVerdict({
      result: unverified ? 'unverified' : decision.result,
      text: unverified ? strings.goOnline(rules.scannerOfflineDays) : decision.text,
      dataAt: checked.freshness === 'cached' ? checked.dataAt : undefined,
      paper: verified.ok && verified.claims.pc === 1,
      colour: verified.ok ? verified.claims.st : undefined,
      name: verified.ok ? verified.claims.nm : undefined,
      idMasked: verified.ok ? verified.claims.id : undefined,
      proxyName: verified.ok ? verified.claims.px : undefined,
      ms: Date.now() - started,
    });
    buzz(decision.result);
    if (text.trim()) {
      setQueued(
        enqueue({
          placeId: place,
          scanId: newScanId(),
          scannedAt: new Date().toISOString(),
          token: text.trim().slice(0, 2000),
          temperature: t !== undefined && t >= 34 && t <= 43 ? t : undefined,
          result: decision.result,
          reason: decision.reason,
        }),
      );
      void flushQueue().then((r) => setQueued(r.left));
    }
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await check(result);
    } catch {
      // cancelled
    }
  };

  if (!me.data || !place) {
    return (
      <Page className="scanner">
        {!me.data && <NotLoaded state={me} title={strings.loadError} />}
        {me.data && <EmptyState glyph="扫" title={strings.noPlace} description={strings.noPlaceDesc} />}
      </Page>
    );
  }

  return (
    <Page className="scanner">
      {myPlaces.length > 1 && (
        <Chips options={myPlaces.map((p) => ({ value: p, label: scopeName(p) }))} value={place} onChange={setPlaceId} />
      )}
      <Text className="section-title">{scopeName(place)}</Text>
      {verdict && (
        <View className={`scanner__verdict scanner__verdict--${verdict.result}`} {...aria('alert')}>
          <Text className="scanner__icon">
            {verdict.result === 'pass'
              ? strings.passIcon
              : verdict.result === 'stop'
                ? strings.stopIcon
                : strings.unverifiedIcon}
          </Text>
          <Text className="scanner__word">
            {verdict.result === 'pass' ? strings.pass : verdict.result === 'stop' ? strings.stop : strings.unverified}
          </Text>
          {verdict.paper && <Text className="scanner__line">{strings.paper}</Text>}
          {verdict.colour && (
            <Text className="scanner__line">
              {COLOUR_LABELS[verdict.colour]} · {verdict.name}
            </Text>
          )}
          {verdict.idMasked && <Text className="scanner__line scanner__id">{strings.idCard(verdict.idMasked)}</Text>}
          {verdict.proxyName && (
            <View className="scanner__proxy">
              <Text>{strings.proxy(verdict.proxyName)}</Text>
              <Text className="scanner__check">{strings.checkId}</Text>
            </View>
          )}
          <Text className="scanner__line">{verdict.text}</Text>
          {verdict.dataAt && <Text className="scanner__line scanner__age">{strings.dataAge(verdict.dataAt)}</Text>}
          <Text className="scanner__small">{strings.took(verdict.ms)}</Text>
        </View>
      )}
      <View className="scanner__bar">
        <Text>{strings.keys(keysAt)}</Text>
        <Text>{strings.list(listAt)}</Text>
        <Text>{strings.queue(queued)}</Text>
        {queued > 0 && (
          <Text className="link" onClick={() => void sync()}>
            {strings.upload}
          </Text>
        )}
      </View>
      <View className="card">
        <Field
          label={strings.temperature}
          name="temperature"
          type="digit"
          value={temperature}
          onChange={setTemperature}
        />
        {weapp ? (
          <Button className="btn" onClick={() => void scan()}>
            {strings.scan}
          </Button>
        ) : (
          <>
            <Field
              label={strings.paste}
              name="token"
              multiline
              maxlength={2000}
              value={token}
              placeholder={strings.pastePlaceholder}
              onChange={setToken}
            />
            <Button className="btn" onClick={() => void check(token)}>
              {strings.verify}
            </Button>
          </>
        )}
      </View>
      <Text
        className="link"
        onClick={() => void Taro.navigateTo({ url: `/staff/pages/outsiders/index?placeId=${place}` })}
      >
        {strings.outsiders}
      </Text>
      <Text
        className="link"
        onClick={() => void Taro.navigateTo({ url: `/staff/pages/place-poster/index?placeId=${place}` })}
      >
        {strings.placeCode}
      </Text>
    </Page>
  );
}
