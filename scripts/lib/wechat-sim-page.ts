import type { NotifyTopic } from '@citycare/contract';

/** One subscribe message the simulator accepted. */
export interface SimMessage {
  at: string;
  touser: string;
  templateId: string;
  topic: NotifyTopic;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The local WeChat simulator's page of the subscribe messages it was sent, newest first. */
export function messagesPage(messages: SimMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<li><h2>${escape(m.topic)} <small>${escape(m.templateId)}</small></h2>
<p>发送时间 ${escape(m.at)} · 接收者 ${escape(m.touser)} · 页面 ${escape(m.page ?? '')}</p>
<dl>${Object.entries(m.data)
        .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v.value)}</dd>`)
        .join('')}</dl></li>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>订阅消息（本地微信模拟）</title>
<style>body{font:18px/1.5 sans-serif;margin:1rem;color:#1a1a1a}li{border-bottom:1px solid #888;padding:.5rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}small{color:#444}</style></head>
<body><h1>订阅消息（本地微信模拟）</h1><p>共 ${messages.length} 条</p><ul>${rows || '<li>还没有发出的订阅消息</li>'}</ul></body></html>`;
}
