// Japanese and English text for every diagnostic code and fix hint (src/pm2-bridge/diagnostics/codes.ts).
// Templates are functions of the finding's params so a text can leave out what a finding does not have.
import type { Diagnostic } from '../pm2-bridge/types.js';
import type { DiagnosticCode } from '../pm2-bridge/diagnostics/codes.js';
import { HINT_PREFIX } from '../pm2-bridge/diagnostics/codes.js';
import type { Lang } from './lang.js';

type Params = Diagnostic['params'];
type Template = (p: Params) => string;

export interface FormattedDiagnostic {
  /** One line. */
  text: string;
  /** The command to run, or the translated step; null when nothing needs fixing (info findings). */
  fix: string | null;
  /** Extra lines (the last error-log lines of a restart loop); empty for most codes. */
  details: string[];
}

const s = (p: Params, key: string): string => String(p[key] ?? '');
const bytes = (p: Params, key: string): string => formatBytes(Number(p[key] ?? 0));

export const DIAGNOSTIC_MESSAGES: Record<Lang, Record<DiagnosticCode, Template>> = {
  ja: {
    'daemon-down': (p) => `PM2 デーモンが動いていません（${s(p, 'home')}）`,
    'logrotate-missing': () => 'pm2-logrotate が入っていません: ログファイルが際限なく大きくなります',
    'logrotate-stopped': () => 'pm2-logrotate は設定されていますが動いていません: ログはローテートされません',
    'logrotate-settings': (p) =>
      `pm2-logrotate の設定: max_size ${s(p, 'max_size')}、retain ${s(p, 'retain')}、` +
      `rotateInterval "${s(p, 'rotateInterval')}"` + (s(p, 'interval') ? `、interval ${s(p, 'interval')}` : ''),
    'dump-missing': (p) => `pm2 save されていません: 再起動すると ${s(p, 'running')} は戻りません`,
    'dump-differs': (p) =>
      '保存済みの一覧（pm2 save）が今と違います: 再起動すると' +
      [s(p, 'missing') && ` ${s(p, 'missing')} が戻ります（今は動いていません）`,
        s(p, 'extra') && ` ${s(p, 'extra')} は戻りません`].filter(Boolean).join('、'),
    'dump-unreadable': () => '保存済みの一覧 dump.pm2 を読めません',
    'startup-missing': () => 'OS 起動時の自動起動（pm2 startup）が設定されていません',
    'startup-found': (p) => `OS 起動時に自動起動します: ${s(p, 'path')}`,
    'script-missing': (p) => `${s(p, 'name')}: スクリプトがありません: ${s(p, 'script')}`,
    'script-not-built': (p) => `${s(p, 'name')}: ビルドされていません（${s(p, 'script')} がありません）`,
    'config-missing': (p) =>
      s(p, 'missing')
        ? `${s(p, 'name')}: 必要な設定がありません: ${s(p, 'missing')}` +
          (s(p, 'alternatives') ? `（または ${s(p, 'alternatives')}）` : '')
        : `${s(p, 'name')}: 外部サービスの認証情報が設定されていません（/health の報告）`,
    'api-key-missing': (p) =>
      `${s(p, 'name')}: HOST=${s(p, 'host')} でループバック以外に公開されていますが MCP_API_KEY がありません`,
    'port-conflict': (p) =>
      `${s(p, 'name')}: ポート ${s(p, 'port')} を別のプロセスが使っています: pid ${s(p, 'pid')}（${s(p, 'command')}）`,
    'port-not-listening': (p) => `${s(p, 'name')}: online ですがポート ${s(p, 'port')} で待ち受けていません`,
    'memory-high': (p) =>
      `${s(p, 'name')}: メモリ ${bytes(p, 'memory')} は max_memory_restart ${bytes(p, 'limit')} の ${s(p, 'percent')}% です`,
    'memory-restarts': (p) =>
      `${s(p, 'name')}: max_memory_restart（${bytes(p, 'limit')}）を超えて PM2 に ${s(p, 'count')} 回再起動されました`,
    'restart-loop': (p) =>
      `${s(p, 'name')}: 再起動を繰り返しています（直近 ${s(p, 'minutes')} 分で ${s(p, 'recent')} 回、` +
      `不安定な再起動 ${s(p, 'unstable')} 回、状態 ${s(p, 'status')}）`,
    'log-too-large': (p) =>
      `${s(p, 'name')}: ログ ${s(p, 'file')} が ${bytes(p, 'bytes')} あります（目安 ${bytes(p, 'limit')}` +
      (s(p, 'logrotate') === 'missing' ? '、pm2-logrotate なし）' : '）'),
  },
  en: {
    'daemon-down': (p) => `No PM2 daemon is running (${s(p, 'home')})`,
    'logrotate-missing': () => 'pm2-logrotate is not installed: log files grow without limit',
    'logrotate-stopped': () => 'pm2-logrotate is configured but not running: no log is rotated',
    'logrotate-settings': (p) =>
      `pm2-logrotate: max_size ${s(p, 'max_size')}, retain ${s(p, 'retain')}, rotateInterval "${s(p, 'rotateInterval')}"` +
      (s(p, 'interval') ? `, interval ${s(p, 'interval')}` : ''),
    'dump-missing': (p) => `No saved process list (pm2 save): after a reboot ${s(p, 'running')} will not come back`,
    'dump-differs': (p) =>
      'The saved list (pm2 save) differs from what runs now: a reboot would' +
      [s(p, 'missing') && ` bring back ${s(p, 'missing')} (not running now)`,
        s(p, 'extra') && ` not bring back ${s(p, 'extra')}`].filter(Boolean).join(' and'),
    'dump-unreadable': () => 'The saved process list dump.pm2 cannot be read',
    'startup-missing': () => 'PM2 is not started at boot (no pm2 startup unit)',
    'startup-found': (p) => `PM2 starts at boot: ${s(p, 'path')}`,
    'script-missing': (p) => `${s(p, 'name')}: script not found: ${s(p, 'script')}`,
    'script-not-built': (p) => `${s(p, 'name')}: not built (${s(p, 'script')} does not exist)`,
    'config-missing': (p) =>
      s(p, 'missing')
        ? `${s(p, 'name')}: required settings missing: ${s(p, 'missing')}` +
          (s(p, 'alternatives') ? ` (or ${s(p, 'alternatives')})` : '')
        : `${s(p, 'name')}: upstream credentials are not configured (reported by /health)`,
    'api-key-missing': (p) => `${s(p, 'name')}: exposed on HOST=${s(p, 'host')} (not loopback) without MCP_API_KEY`,
    'port-conflict': (p) =>
      `${s(p, 'name')}: port ${s(p, 'port')} is held by another process: pid ${s(p, 'pid')} (${s(p, 'command')})`,
    'port-not-listening': (p) => `${s(p, 'name')}: online but not listening on port ${s(p, 'port')}`,
    'memory-high': (p) =>
      `${s(p, 'name')}: memory ${bytes(p, 'memory')} is ${s(p, 'percent')}% of max_memory_restart ${bytes(p, 'limit')}`,
    'memory-restarts': (p) =>
      `${s(p, 'name')}: restarted ${s(p, 'count')} time(s) by PM2 for exceeding max_memory_restart (${bytes(p, 'limit')})`,
    'restart-loop': (p) =>
      `${s(p, 'name')}: restart loop (${s(p, 'recent')} restarts in the last ${s(p, 'minutes')} min, ` +
      `${s(p, 'unstable')} unstable, status ${s(p, 'status')})`,
    'log-too-large': (p) =>
      `${s(p, 'name')}: log ${s(p, 'file')} is ${bytes(p, 'bytes')} (limit ${bytes(p, 'limit')}` +
      (s(p, 'logrotate') === 'missing' ? ', no pm2-logrotate)' : ')'),
  },
};

export const FIX_HINTS = ['script-path', 'set-env', 'set-api-key', 'free-port', 'raise-memory-limit'] as const;
export type FixHint = (typeof FIX_HINTS)[number];

export const FIX_HINT_MESSAGES: Record<Lang, Record<FixHint, Template>> = {
  ja: {
    'script-path': (p) => `ecosystem.config.js の script のパスを直してから: ${s(p, 'recreate')}`,
    'set-env': (p) =>
      `${s(p, 'missing') || '認証情報'} を env ファイル ${s(p, 'envFile')} に書いて（1 行に 名前=値、chmod 600）から: ` +
      s(p, 'restart'),
    'set-api-key': (p) =>
      `MCP_API_KEY を env ファイル ${s(p, 'envFile')} に書く（chmod 600。または HOST=127.0.0.1 にする）: ${s(p, 'restart')}`,
    'free-port': (p) =>
      `pid ${s(p, 'pid')} を止めてから: ${s(p, 'restart')}` +
      (s(p, 'recreate') ? `、または ecosystem.config.js の PORT を変えてから: ${s(p, 'recreate')}` : ''),
    'raise-memory-limit': () => 'ecosystem.config.js の max_memory_restart を上げるか、メモリリークを調べる（pm2 monit）',
  },
  en: {
    'script-path': (p) => `fix the script path in ecosystem.config.js, then: ${s(p, 'recreate')}`,
    'set-env': (p) =>
      `put ${s(p, 'missing') || 'the credentials'} in the env file ${s(p, 'envFile')} (NAME=value lines, chmod 600), ` +
      `then: ${s(p, 'restart')}`,
    'set-api-key': (p) =>
      `put MCP_API_KEY in the env file ${s(p, 'envFile')} (chmod 600; or set HOST=127.0.0.1), then: ${s(p, 'restart')}`,
    'free-port': (p) =>
      `stop pid ${s(p, 'pid')}, then: ${s(p, 'restart')}` +
      (s(p, 'recreate') ? `; or change PORT in ecosystem.config.js, then: ${s(p, 'recreate')}` : ''),
    'raise-memory-limit': () => 'raise max_memory_restart in ecosystem.config.js, or look for a memory leak (pm2 monit)',
  },
};

export function formatDiagnostic(d: Diagnostic, lang: Lang): FormattedDiagnostic {
  const template = (DIAGNOSTIC_MESSAGES[lang] as Record<string, Template | undefined>)[d.code];
  const text = template ? template(d.params) : `${d.code} ${JSON.stringify(d.params)}`;
  const details = d.code === 'restart-loop' && s(d.params, 'lastErrors')
    ? s(d.params, 'lastErrors').split('\n')
    : [];
  return { text, fix: formatFix(d, lang), details };
}

function formatFix(d: Diagnostic, lang: Lang): string | null {
  if (d.fix === null || !d.fix.startsWith(HINT_PREFIX)) return d.fix;
  const hint = d.fix.slice(HINT_PREFIX.length);
  const template = (FIX_HINT_MESSAGES[lang] as Record<string, Template | undefined>)[hint];
  return template ? template(d.params) : hint;
}

/** 1536 -> "1.5 KB", 10485760 -> "10 MB" (binary units, as pm2 and pm2-logrotate count). */
export function formatBytes(value: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = value;
  let unit = 0;
  while (Math.abs(n) >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  const digits = unit === 0 || Math.abs(n) >= 100 || Number.isInteger(n) ? 0 : 1;
  return `${n.toFixed(digits).replace(/\.0$/, '')} ${units[unit]}`;
}
