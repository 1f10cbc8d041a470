// The words of the insights screens (issue 10): timeline, exceptions, custom actions, the detail pane's charts.
import type { CustomActionErrorCode, TimelineCause, TimelineKind } from '../pm2-bridge/types.js';
import type { Lang } from './lang.js';

export type InsightsTab = 'timeline' | 'exceptions' | 'actions';

export interface InsightsMessages {
  tabs: Record<InsightsTab, string>;
  /** The title's scope: every service, or one. */
  scopeAll: string;
  scopeOne: (name: string) => string;
  empty: Record<InsightsTab, string>;
  noService: string;
  kinds: Record<TimelineKind, string>;
  causes: Record<TimelineCause, string>;
  exit: (code: number | null, signal: string | null) => string;
  memoryLimit: (memory: string, limit: string) => string;
  erroredAfter: (restarts: number) => string;
  /** Marks an event read back from pm2.log (it happened before the monitor started). */
  beforeStart: string;
  exceptionRow: (count: number, name: string, last: string) => string;
  /** When the error log gave no time. */
  unknownTime: string;
  firstLast: (first: string, last: string) => string;
  followedBy: (event: string) => string;
  nothingFollowed: string;
  actionTakesParam: string;
  paramPrompt: (action: string) => string;
  confirmRun: (action: string, name: string, param: string | null) => string;
  running: (action: string) => string;
  reply: (action: string) => string;
  readOnly: string;
  actionErrors: Record<CustomActionErrorCode, (p: Record<string, string | number>) => string>;
  hints: {
    list: string;
    stack: string;
    param: string;
    confirm: string;
  };
  chart: { cpu: string; memory: string; stats: (min: string, max: string, now: string) => string; span: (minutes: number) => string };
  /** The key labels for the monitor's keymap (its own block). */
}

const ja: InsightsMessages = {
  tabs: { timeline: 'イベント', exceptions: '例外', actions: 'アクション' },
  scopeAll: 'すべてのサービス',
  scopeOne: (name) => name,
  empty: { timeline: 'イベントはまだありません', exceptions: '例外はありません', actions: 'このサービスはカスタムアクションを宣言していません' },
  noService: 'サービスが選ばれていません',
  kinds: {
    start: '起動',
    exit: '終了',
    restart: '再起動',
    'memory-limit': 'メモリ上限',
    errored: 'エラー停止',
    stop: '停止',
    delete: '削除',
    'daemon-start': 'PM2 デーモン起動',
    'daemon-stop': 'PM2 デーモン終了',
  },
  causes: { manual: '手動', auto: '自動', 'memory-limit': 'メモリ上限', crash: 'クラッシュ', requested: '要求による' },
  exit: (code, signal) => `コード ${code ?? '-'} / シグナル ${signal ?? '-'}`,
  memoryLimit: (memory, limit) => `${memory} > 上限 ${limit}`,
  erroredAfter: (restarts) => `不安定な再起動 ${restarts} 回で停止`,
  beforeStart: '(起動前)',
  exceptionRow: (count, name, last) => `${count}回  ${name}  最終 ${last}`,
  unknownTime: '時刻不明',
  firstLast: (first, last) => `初回 ${first} / 最終 ${last}`,
  followedBy: (event) => `直後: ${event}`,
  nothingFollowed: '直後の再起動なし',
  actionTakesParam: '(引数あり)',
  paramPrompt: (action) => `${action} の引数: `,
  confirmRun: (action, name, param) => `${name} でアクション ${action}${param === null ? '' : ` (${param})`} を実行しますか? (y/N)`,
  running: (action) => `${action} を実行中…`,
  reply: (action) => `${action} の応答:`,
  readOnly: '読み取り専用モードではアクションを実行できません',
  actionErrors: {
    'read-only': () => '読み取り専用モードではアクションを実行できません',
    'no-daemon': () => 'PM2 デーモンが動いていません',
    timeout: (p) => `PM2 が ${p.ms} ms 以内に応答しませんでした`,
    'pm2-refused': (p) => `PM2 が拒否しました: ${p.message ?? ''}`,
    'not-declared': (p) => `${p.name} はアクション ${p.action} を宣言していません（再起動した/別のプロセスかもしれません）`,
    'not-online': (p) => `${p.name} がオンラインではありません（${p.status}）`,
    'no-reply': (p) => `${p.name} は ${p.ms} ms 以内に応答しませんでした`,
  },
  hints: {
    list: 'Tab 切替  a 全体/選択  ↑↓ 移動  Enter 開く/実行  Esc 閉じる',
    stack: '↑↓ PgUp PgDn スクロール  Esc 戻る',
    param: 'Enter 決定  Esc やめる',
    confirm: 'y 実行  n やめる',
  },
  chart: { cpu: 'CPU', memory: 'メモリ', stats: (min, max, now) => `最小 ${min}  最大 ${max}  現在 ${now}`, span: (minutes) => `直近 ${minutes} 分` },
};

const en: InsightsMessages = {
  tabs: { timeline: 'Events', exceptions: 'Exceptions', actions: 'Actions' },
  scopeAll: 'all services',
  scopeOne: (name) => name,
  empty: { timeline: 'No events yet', exceptions: 'No exceptions', actions: 'This service declares no custom actions' },
  noService: 'No service selected',
  kinds: {
    start: 'started',
    exit: 'exited',
    restart: 'restarted',
    'memory-limit': 'memory limit',
    errored: 'errored',
    stop: 'stopped',
    delete: 'deleted',
    'daemon-start': 'PM2 daemon started',
    'daemon-stop': 'PM2 daemon stopped',
  },
  causes: { manual: 'manual', auto: 'automatic', 'memory-limit': 'memory limit', crash: 'crash', requested: 'requested' },
  exit: (code, signal) => `code ${code ?? '-'} / signal ${signal ?? '-'}`,
  memoryLimit: (memory, limit) => `${memory} > limit ${limit}`,
  erroredAfter: (restarts) => `stopped after ${restarts} unstable restarts`,
  beforeStart: '(before start)',
  exceptionRow: (count, name, last) => `${count}x  ${name}  last ${last}`,
  unknownTime: 'time unknown',
  firstLast: (first, last) => `first ${first} / last ${last}`,
  followedBy: (event) => `Followed by: ${event}`,
  nothingFollowed: 'No restart followed',
  actionTakesParam: '(takes a parameter)',
  paramPrompt: (action) => `Parameter for ${action}: `,
  confirmRun: (action, name, param) => `Run action ${action}${param === null ? '' : ` (${param})`} on ${name}? (y/N)`,
  running: (action) => `Running ${action}…`,
  reply: (action) => `Reply of ${action}:`,
  readOnly: 'Actions are off in read-only mode',
  actionErrors: {
    'read-only': () => 'Actions are off in read-only mode',
    'no-daemon': () => 'The PM2 daemon is not running',
    timeout: (p) => `PM2 did not answer within ${p.ms} ms`,
    'pm2-refused': (p) => `PM2 refused: ${p.message ?? ''}`,
    'not-declared': (p) => `${p.name} does not declare action ${p.action} (restarted, or another process?)`,
    'not-online': (p) => `${p.name} is not online (${p.status})`,
    'no-reply': (p) => `${p.name} did not reply within ${p.ms} ms`,
  },
  hints: {
    list: 'Tab switch  a all/selected  ↑↓ move  Enter open/run  Esc close',
    stack: '↑↓ PgUp PgDn scroll  Esc back',
    param: 'Enter accept  Esc cancel',
    confirm: 'y run  n cancel',
  },
  chart: { cpu: 'CPU', memory: 'Memory', stats: (min, max, now) => `min ${min}  max ${max}  now ${now}`, span: (minutes) => `last ${minutes} min` },
};

export function insightsMessages(lang: Lang): InsightsMessages {
  return lang === 'en' ? en : ja;
}
