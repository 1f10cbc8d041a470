// The words of `gakuco-monit serve`: its usage, config problems, log lines and the alert notices it sends.
import type { ConfigProblem } from '../agent/agent-config.js';
import type { Alert } from '../agent/rules/evaluate-rules.js';
import type { RuleName } from '../agent/rules/rules-config.js';
import type { Lang } from './lang.js';

export interface AgentMessages {
  usage: string;
  badArgument: (arg: string) => string;
  configProblem: (file: string, problem: ConfigProblem) => string;
  /** The agent refuses to listen where others can reach it without a key. */
  exposedWithoutKey: (host: string) => string;
  listening: (url: string, pm2Home: string, receivers: number) => string;
  listenFailed: (host: string, port: number, error: string) => string;
  configWorldReadable: (file: string) => string;
  stopping: string;
  configOk: (file: string) => string;
  ruleTitle: Record<RuleName, string>;
  /** One line about an alert, for chat receivers and the log. */
  alertLine: (status: 'firing' | 'resolved', alert: Alert, host: string) => string;
  delivery: (receiver: string, status: 'firing' | 'resolved', key: string, outcome: string) => string;
}

const USAGE_JA = `使い方: gakuco-monit serve [オプション]
PM2 の常駐エージェント: Prometheus 向けの /metrics、アラート通知、GET /history。
  --port <n>          待ち受けるポート（既定: 9209、設定ファイルの listen.port より優先）
  --host <addr>       待ち受けるアドレス（既定: 127.0.0.1。外に出すなら GAKUCO_AGENT_API_KEY か listen.apiKeyFile が必須）
  --config <file>     設定ファイル（JSON: ルール、通知先。docs/agent.md）
  --pm2-home <dir>    見る PM2_HOME（既定: $PM2_HOME か ~/.pm2）。デーモンは起動しません
  --check             設定を確かめて終了
  -h, --help          この説明`;
const USAGE_EN = `Usage: gakuco-monit serve [options]
The resident PM2 agent: /metrics for Prometheus, alert notices, GET /history.
  --port <n>          port to listen on (default 9209; overrides listen.port of the config)
  --host <addr>       address to listen on (default 127.0.0.1; anything else needs GAKUCO_AGENT_API_KEY or listen.apiKeyFile)
  --config <file>     config file (JSON: rules and receivers; see docs/agent.md)
  --pm2-home <dir>    PM2 home to watch (default: $PM2_HOME or ~/.pm2); never starts a daemon
  --check             check the config and exit
  -h, --help          this help`;

function service(alert: Alert): string {
  return alert.name === null ? '' : `${alert.name} (pm_id ${alert.pmId})`;
}

function mib(bytes: string | number | undefined): string {
  return `${Math.round(Number(bytes ?? 0) / 1024 / 1024)} MiB`;
}

const DETAIL: Record<Lang, Record<RuleName, (p: Alert['params']) => string>> = {
  ja: {
    'crash-loop': (p) => `${p.windowS} 秒で ${p.restarts} 回再起動`,
    errored: (p) => `errored（再起動 ${p.restarts} 回で PM2 が止めました）`,
    'port-down': (p) => `ポート ${p.port} が応答しません`,
    'health-degraded': (p) => `ポート ${p.port} の /health が ${p.health}`,
    'memory-high': (p) => `メモリ ${mib(p.memory)}（max_memory_restart ${mib(p.limit)} の ${p.percent}%）`,
    'new-exception': (p) => `捕捉されない例外（計 ${p.exceptions} 件）`,
    'daemon-gone': () => 'PM2 デーモンが応答しません',
  },
  en: {
    'crash-loop': (p) => `restarted ${p.restarts} times in ${p.windowS} s`,
    errored: (p) => `errored (PM2 gave up after ${p.restarts} restarts)`,
    'port-down': (p) => `port ${p.port} does not answer`,
    'health-degraded': (p) => `/health on port ${p.port} is ${p.health}`,
    'memory-high': (p) => `memory ${mib(p.memory)} (${p.percent}% of max_memory_restart ${mib(p.limit)})`,
    'new-exception': (p) => `uncaught exception (${p.exceptions} so far)`,
    'daemon-gone': () => 'the PM2 daemon does not answer',
  },
};

const PROBLEM_JA: Record<ConfigProblem['code'], string> = {
  unreadable: '読めません',
  'bad-json': 'JSON として読めません',
  'unknown-key': '知らないキーです',
  'wrong-type': '型が違います',
  'bad-value': '値が範囲外か不正です',
  missing: 'ありません',
  duplicate: '重複しています',
};
const PROBLEM_EN: Record<ConfigProblem['code'], string> = {
  unreadable: 'cannot be read',
  'bad-json': 'is not valid JSON',
  'unknown-key': 'is not a known key',
  'wrong-type': 'has the wrong type',
  'bad-value': 'has a bad value',
  missing: 'is missing',
  duplicate: 'is a duplicate',
};

export const AGENT_MESSAGES: Record<Lang, AgentMessages> = {
  ja: {
    usage: USAGE_JA,
    badArgument: (arg) => `gakuco-monit serve: 不明な引数か不正な値です: ${arg}（--help で使い方）`,
    configProblem: (file, p) =>
      `${file}: ${p.path === '' ? 'ファイル' : p.path} が${PROBLEM_JA[p.code]}（期待: ${p.expected}）`,
    exposedWithoutKey: (host) =>
      `起動しません: ${host} は他のマシンから届きます。GAKUCO_AGENT_API_KEY か設定の listen.apiKeyFile を設定するか 127.0.0.1 で待ち受けてください。`,
    listening: (url, home, n) => `gakuco-monit serve: ${url} で待ち受け中（PM2_HOME=${home}、通知先 ${n} 件）`,
    listenFailed: (host, port, error) => `gakuco-monit serve: ${host}:${port} で待ち受けられません: ${error}`,
    configWorldReadable: (file) => `警告: ${file} は他のユーザーも読めます（Webhook URL は秘密です）: chmod 600 ${file}`,
    stopping: 'gakuco-monit serve: 終了します',
    configOk: (file) => `${file}: 設定に問題はありません`,
    ruleTitle: {
      'crash-loop': '再起動ループ',
      errored: 'errored',
      'port-down': 'ポート停止',
      'health-degraded': 'ヘルス低下',
      'memory-high': 'メモリ上限間近',
      'new-exception': '新しい例外',
      'daemon-gone': 'PM2 デーモン停止',
    },
    alertLine: (status, a, host) =>
      `[${status === 'firing' ? '発生' : '解消'}] ${AGENT_MESSAGES.ja.ruleTitle[a.rule]}: ${service(a) || host} ${DETAIL.ja[a.rule](a.params)}（${host}）`,
    delivery: (receiver, status, key, outcome) => `通知 ${status} ${key} → ${receiver}: ${outcome}`,
  },
  en: {
    usage: USAGE_EN,
    badArgument: (arg) => `gakuco-monit serve: unknown argument or bad value: ${arg} (see --help)`,
    configProblem: (file, p) => `${file}: ${p.path === '' ? 'the file' : p.path} ${PROBLEM_EN[p.code]} (expected: ${p.expected})`,
    exposedWithoutKey: (host) =>
      `Refusing to start: ${host} is reachable from other machines. Set GAKUCO_AGENT_API_KEY (or listen.apiKeyFile in the config) or listen on 127.0.0.1.`,
    listening: (url, home, n) => `gakuco-monit serve: listening on ${url} (PM2_HOME=${home}, ${n} receivers)`,
    listenFailed: (host, port, error) => `gakuco-monit serve: cannot listen on ${host}:${port}: ${error}`,
    configWorldReadable: (file) => `warning: ${file} is readable by other users (webhook URLs are secrets): chmod 600 ${file}`,
    stopping: 'gakuco-monit serve: stopping',
    configOk: (file) => `${file}: the config is fine`,
    ruleTitle: {
      'crash-loop': 'crash loop',
      errored: 'errored',
      'port-down': 'port down',
      'health-degraded': 'health degraded',
      'memory-high': 'memory near its limit',
      'new-exception': 'new exception',
      'daemon-gone': 'PM2 daemon gone',
    },
    alertLine: (status, a, host) =>
      `[${status === 'firing' ? 'FIRING' : 'RESOLVED'}] ${AGENT_MESSAGES.en.ruleTitle[a.rule]}: ${service(a) || host} ${DETAIL.en[a.rule](a.params)} (${host})`,
    delivery: (receiver, status, key, outcome) => `notice ${status} ${key} -> ${receiver}: ${outcome}`,
  },
};
